import com.fasterxml.jackson.databind.ObjectMapper;
import org.openjdk.jmh.annotations.*;

/** Exercises a dependency's package, Jackson's JSON parser, for an escape hunt in code the course did not write. */
@State(Scope.Thread)
public class JsonWorkload {
    final ObjectMapper mapper = new ObjectMapper();
    final String json = "{\"id\": 42, \"name\": \"point\", \"xy\": [3, 4], \"ok\": true}";

    @Benchmark
    public int tree() throws Exception {
        return mapper.readTree(json).get("id").intValue();
    }
}
