package savescope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import savescope.model.LoadReport;
import savescope.model.SourceReport;
import savescope.model.FieldGap;

/** Fields left missing are counted without a cap while only their first places are listed. */
class FieldGapTest {
    @Test
    void countsEveryGapAndListsTheFirstPlaces() {
        VideoFrameBuilder b = new VideoFrameBuilder("v.csv", "");
        for (int line = 2; line <= 9; line++) {
            b.leaveMissing(VideoFrameBuilder.DURATION, line + ":4", "expected a duration, found \"x" + line + "\"");
        }
        b.leaveMissing(VideoFrameBuilder.POSTED, "3:2", "no date");
        b.assume("dates read month first");
        b.assume("dates read month first");
        SourceReport r = b.sourceReport("CSV", List.of(), List.of(), SourceReport.VIDEOS);
        assertEquals(2, r.fieldGaps().size());
        FieldGap posted = r.fieldGaps().get(0);
        FieldGap duration = r.fieldGaps().get(1);
        assertEquals("posted_at", posted.field());
        assertEquals(1, posted.rows());
        assertEquals("duration_s", duration.field());
        assertEquals(8, duration.rows());
        assertEquals(List.of("2:4", "3:4", "4:4", "5:4", "6:4"), duration.firstPlaces());
        assertEquals("expected a duration, found \"x2\"", duration.firstReason());
        assertEquals(List.of("dates read month first"), r.assumptions());
        LoadReport load = new LoadReport(List.of(r), List.of(), 0, List.of("snapshot order from file names"));
        assertEquals(List.of("snapshot order from file names", "`v.csv`: dates read month first"), load.allAssumptions());
        assertEquals(9, load.fieldsLeftMissing());
    }
}
