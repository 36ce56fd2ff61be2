package org.lots.helpdesk.unanswered;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.lots.helpdesk.engine.Router;
import org.lots.helpdesk.language.TextSimilarity;

/**
 * Groups what newcomers asked that the bot could not answer, so editors see what to write next. Across languages
 * the router's closest topic groups questions (a question in Arabic and one in Swedish about a business plan land
 * together); within a topic, similar wordings are clustered.
 */
public final class UnansweredGroups {

    static final double SAME_QUESTION = 0.35;

    public record Group(String closestTopic, int count, Map<String, Integer> languages, List<String> examples, Instant last) {}

    private static final class Cluster {
        final String topic;
        final Map<String, Integer> profile;
        final List<UnansweredQuestion> questions = new ArrayList<>();

        Cluster(String topic, Map<String, Integer> profile) {
            this.topic = topic;
            this.profile = profile;
        }
    }

    public static List<Group> of(List<UnansweredQuestion> questions, Router router) {
        List<Cluster> clusters = new ArrayList<>();
        for (UnansweredQuestion q : questions) {
            Router.Routing r = router.route(q.text(), q.language());
            String topic = r.decision() == Router.Routing.Decision.NONE || r.best() == null ? "out of scope" : r.best().dialog();
            Map<String, Integer> profile = TextSimilarity.profile(q.text());
            Cluster home = null;
            for (Cluster c : clusters) {
                if (c.topic.equals(topic) && TextSimilarity.cosine(c.profile, profile) >= SAME_QUESTION) {
                    home = c;
                    break;
                }
            }
            if (home == null) {
                home = new Cluster(topic, profile);
                clusters.add(home);
            }
            home.questions.add(q);
        }
        // Singletons of the same topic are shown together: a topic that keeps failing is the signal, not the wording.
        Map<String, List<Cluster>> byTopic = new TreeMap<>();
        clusters.forEach(c -> byTopic.computeIfAbsent(c.topic, t -> new ArrayList<>()).add(c));
        List<Group> groups = new ArrayList<>();
        byTopic.forEach((topic, list) -> {
            List<UnansweredQuestion> singles = new ArrayList<>();
            for (Cluster c : list) {
                if (c.questions.size() > 1) groups.add(group(topic, c.questions));
                else singles.addAll(c.questions);
            }
            if (!singles.isEmpty()) groups.add(group(topic, singles));
        });
        groups.sort(Comparator.comparingInt(Group::count).reversed().thenComparing(Group::closestTopic));
        return groups;
    }

    private static Group group(String topic, List<UnansweredQuestion> qs) {
        Map<String, Integer> languages = new LinkedHashMap<>();
        qs.forEach(q -> languages.merge(q.language() == null ? "?" : q.language(), 1, Integer::sum));
        List<String> examples = qs.stream().sorted(Comparator.comparing(UnansweredQuestion::at).reversed())
                .map(UnansweredQuestion::text).distinct().limit(10).toList();
        Instant last = qs.stream().map(UnansweredQuestion::at).max(Comparator.naturalOrder()).orElse(null);
        return new Group(topic, qs.size(), languages, examples, last);
    }
}
