package escapelab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class InspectionCellTest {

    @Test
    void aNameWithAQuestionMarkAsksAboutIt() {
        assertEquals(Optional.of("Math.max"), InspectionCell.name("Math.max?"));
        assertEquals(Optional.of("String"), InspectionCell.name("  ?String \n"));
    }

    @Test
    void codeIsNeverAQuestion() {
        assertEquals(Optional.empty(), InspectionCell.name("a ? b : c"));
        assertEquals(Optional.empty(), InspectionCell.name("Math.max(1, 2)?"));
        assertEquals(Optional.empty(), InspectionCell.name("?"));
    }
}
