package kextshell.shell;

import java.util.List;

/**
 * Where a front end gets tab-completion candidates. Kept free of any terminal library so the
 * interactive front end, tests and future tools all share one notion of "what fits here".
 */
public interface CompletionSource {
    /**
     * Candidates for the word being completed.
     *
     * @param wordsSoFar the complete words before the cursor's word (empty: completing the command name)
     * @param current    the partial word under the cursor, possibly empty; a source may use it to narrow
     *                   (e.g. a path's directory) but the caller still does the prefix matching
     * @return candidate words, without duplicates; never null
     */
    List<String> candidates(List<String> wordsSoFar, String current);
}
