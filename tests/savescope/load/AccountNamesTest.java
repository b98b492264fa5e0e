package savescope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import savescope.model.Canonical;
import savescope.model.Dataset;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * One account written in several ways (a link's {@code @lena.bakes}, a scraper's {@code lena.bakes} or
 * {@code Lena.Bakes}) is one account, shown in the form most of its videos carry.
 */
class AccountNamesTest {
    @Test
    void handlesCompareWithoutTheAtAndWithoutCase() {
        assertEquals("lena.bakes", AccountNames.key("@Lena.Bakes"));
        assertEquals("lena.bakes", AccountNames.key(" lena.bakes "));
        assertEquals("lena_bakes", AccountNames.key("@@lena_bakes"));
    }

    @Test
    void theFormMostVideosCarryIsShownAndATieKeepsTheFirstRead() {
        Table t = Table.create("v", StringColumn.create(Canonical.ACCOUNT,
                List.of("lena.bakes", "@lena.bakes", "@lena.bakes", "Cook", "cook", "", "solo")));
        List<String> notes = AccountNames.unify(t);
        // "@lena.bakes" carries 2 rows against 1; "Cook" and "cook" 1 each, "Cook" read first.
        assertEquals(List.of("@lena.bakes", "@lena.bakes", "@lena.bakes", "Cook", "Cook", "", "solo"),
                t.stringColumn(Canonical.ACCOUNT).asList());
        assertEquals(List.of("the account names \"lena.bakes\" and \"@lena.bakes\" were read as one account (handles "
                + "compare without the @ and without case), shown as \"@lena.bakes\"",
                "the account names \"Cook\" and \"cook\" were read as one account (handles compare without the @ and "
                + "without case), shown as \"Cook\""), notes);
    }

    @Test
    void aScrapeOfTheSampleAccountJoinsItInsteadOfBeingComparedWithIt() {
        // The sample's 150 videos carry "@lena.bakes" (from their links); the scrape adds two as "Lena.Bakes" and
        // "lena.bakes" and one of another account.
        Dataset d = Loader.load(List.of(Path.of("data", "sample", "videos.csv"),
                Path.of("tests", "fixtures", "formats", "split-account", "scrape.json")), Loader.Options.defaults());
        StringColumn accounts = d.videos().stringColumn(Canonical.ACCOUNT);
        assertEquals(List.of("@lena.bakes", "other.cook"), accounts.unique().asList().stream().sorted().toList());
        assertEquals(152, accounts.isEqualTo("@lena.bakes").size());
        assertEquals(List.of("the account names \"@lena.bakes\", \"Lena.Bakes\" and \"lena.bakes\" were read as one "
                + "account (handles compare without the @ and without case), shown as \"@lena.bakes\""),
                d.load().assumptions());
    }
}
