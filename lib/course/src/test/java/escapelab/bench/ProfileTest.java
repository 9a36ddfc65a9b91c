package escapelab.bench;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProfileTest {

    @Test
    void describeSaysEachProfilesForksWarmUpAndMeasurement() {
        assertEquals("quick: 1 fork, 2 x 300 ms warm-up, 3 x 100 ms measurement", Profile.QUICK.describe());
        assertEquals("thorough: 2 forks, 5 x 1000 ms warm-up, 5 x 1000 ms measurement", Profile.THOROUGH.describe());
        assertEquals("timing: 2 forks, 3 x 300 ms warm-up, 5 x 400 ms measurement", Profile.TIMING.describe());
        assertEquals("long_timing: 3 forks, 2 x 1000 ms warm-up, 5 x 1000 ms measurement", Profile.LONG_TIMING.describe());
        assertEquals("annotated: each benchmark's own @Fork, @Warmup and @Measurement, JMH's defaults where it has none",
                Profile.ANNOTATED.describe());
    }

    @Test
    void everyProfileIsDescribedUnderTheNameItsVariableTakes() {
        for (Profile p : Profile.values()) {
            String name = p.describe().substring(0, p.describe().indexOf(':'));
            assertEquals(p, Profile.valueOf(name.toUpperCase(Locale.ROOT)), p.describe());
        }
    }

    @Test
    void anUnknownProfileInTheEnvironmentIsRefusedNamingEveryProfile() throws Exception {
        String out = ChildJvm.probe(Map.of(Profile.ENV, "fast"), "profile");

        assertEquals("refused ESCAPELAB_PROFILE is 'fast'; use one of [quick, thorough, timing, long_timing, annotated]", out);
    }

    @Test
    void theEnvironmentNamesAProfileInAnyCaseWithSpacesAround() throws Exception {
        assertEquals("profile LONG_TIMING", ChildJvm.probe(Map.of(Profile.ENV, " Long_Timing "), "profile"));
    }

    @Test
    void withoutAProfileInTheEnvironmentItIsQuick() throws Exception {
        assertEquals("profile QUICK", ChildJvm.probe(Map.of(Profile.ENV, "  "), "profile"));
    }
}
