package escapelab.serve;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a load got back.
 *
 * @param requests how many requests were sent
 * @param statuses how many answers had each HTTP status
 * @param millis how long the load took
 */
public record LoadResult(int requests, Map<Integer, Integer> statuses, long millis) {

    public LoadResult {
        statuses = Map.copyOf(statuses);
    }

    /** Returns how many answers had this status. */
    public int answered(int status) {
        return statuses.getOrDefault(status, 0);
    }

    /** Returns whether every request was answered 200. */
    public boolean allOk() {
        return answered(200) == requests;
    }

    @Override
    public String toString() {
        return requests + " requests in " + millis + " ms, answered " + new TreeMap<>(statuses);
    }
}
