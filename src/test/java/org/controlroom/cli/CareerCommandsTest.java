package org.controlroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code career} at the command line, with a job played for real: start, offers, take, {@code scenario play}
 * of the job's lesson with its solution plan, the delivery the next career command makes from that attempt,
 * week, switch, and the figures of {@code status --json} against what the economy's files say.
 */
class CareerCommandsTest {

    @TempDir
    Path dir;

    private final Path root = Path.of(System.getProperty("controlroom.project.dir", "."));
    private static final ObjectMapper JSON = new ObjectMapper();

    private String db() {
        return dir.resolve("learners.db").toString();
    }

    private String lessons() {
        return root.resolve("lessons").toString();
    }

    private CliHarness.Result career(String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "career";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--db";
        all[args.length + 2] = db();
        all[args.length + 3] = "--lessons";
        all[args.length + 4] = lessons();
        return CliHarness.run(all);
    }

    private JsonNode json(CliHarness.Result r) throws Exception {
        assertThat(r.exitCode()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }

    private JsonNode status() throws Exception {
        return json(career("status", "--json"));
    }

    @Test
    void aJobIsTakenPlayedForRealDeliveredAndPaid() throws Exception {
        assertThat(CliHarness.run("learner", "add", "Ana", "--db", db()).exitCode()).isZero();
        assertThat(career("status").err()).contains("no career yet");
        CliHarness.Result started = career("start", "--seed", "3", "--path", "freelance");
        assertThat(started.exitCode()).as(started.err()).isZero();
        assertThat(started.out()).contains("seed 3, freelance, rank runner");
        assertThat(career("start", "--seed", "4").exitCode()).as("a career is not replaced without --restart").isEqualTo(2);

        // wait (dry weeks) for a rough balance offer: its lesson is mix-song-balance
        String offer = null;
        long fee = 0;
        int dryWeeks = 0;
        for (int w = 0; w < 12 && offer == null; w++) {
            for (JsonNode o : json(career("offers", "--json"))) {
                if (o.get("lessonIds").size() == 1 && o.get("lessonIds").get(0).asText().equals("mix-song-balance")) {
                    offer = o.get("id").asText();
                    fee = o.get("feePence").asLong();
                }
            }
            if (offer == null) {
                assertThat(career("week").exitCode()).isZero();
                dryWeeks++;
            }
        }
        assertThat(offer).as("a mix-song-balance offer within 12 weeks").isNotNull();
        // a freelancer's day-rate job: 1 day at £200-£350
        assertThat(fee).isBetween(20_000L, 35_000L);

        // an attempt made before the job is taken delivers nothing
        Path plan = root.resolve("src/test/resources/mix-solutions/mix-song-balance.plan.yaml");
        CliHarness.Result early = CliHarness.run("scenario", "play", "mix-song-balance", "--learner", "Ana", "--db", db(),
                "--lessons", lessons(), "--plan", plan.toString(), "--json");
        assertThat(early.exitCode()).as(early.err()).isZero();

        CliHarness.Result took = career("take", offer);
        assertThat(took.exitCode()).as(took.err()).isZero();
        assertThat(took.out()).contains("scenario play mix-song-balance");
        CliHarness.Result again = career("take", offer);
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("offer " + offer + " is taken already");
        JsonNode booked = status();
        assertThat(booked.get("jobs").get(0).get("status").asText()).isEqualTo("BOOKED");

        CliHarness.Result played = CliHarness.run("scenario", "play", "mix-song-balance", "--learner", "Ana", "--db", db(),
                "--lessons", lessons(), "--plan", plan.toString(), "--json");
        assertThat(played.exitCode()).as(played.err()).isZero();
        JsonNode result = JSON.readTree(played.out().substring(played.out().indexOf('{')));
        double score = result.get("score").asDouble();
        assertThat(score).isGreaterThanOrEqualTo(85);

        JsonNode s = status();
        JsonNode job = s.get("jobs").get(0);
        assertThat(job.get("id").asText()).isEqualTo(offer);
        assertThat(job.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(job.get("score").asDouble()).isCloseTo(score, org.assertj.core.data.Offset.offset(0.05));
        assertThat(job.get("deliveredWeek").asInt()).isEqualTo(dryWeeks);
        // 85 or more on time: the fee in full; the cash is the start's £500, less £150 a dry week, plus the fee
        assertThat(job.get("paidPence").asLong()).isEqualTo(fee);
        assertThat(s.get("cashPence").asLong()).isEqualTo(50_000 - 15_000L * dryWeeks + fee);
        long ledger = 0;
        for (JsonNode e : s.get("ledger")) {
            ledger += e.get("amountPence").asLong();
        }
        assertThat(ledger).isEqualTo(s.get("cashPence").asLong() - 50_000);
        assertThat(s.get("credits").asInt()).as("a rough balance releases a track").isEqualTo(1);
        assertThat(s.get("catalogue").get(0).get("points").asDouble()).as("a runner's credit carries no points").isZero();
        assertThat(s.get("xp").asInt()).isEqualTo((int) Math.floor(3 * score / 100));
        assertThat(s.get("week").asInt()).isEqualTo(dryWeeks);

        // the delivery is in the log: status again delivers nothing twice
        assertThat(status().get("jobs").size()).isEqualTo(1);
        assertThat(status().get("cashPence")).isEqualTo(s.get("cashPence"));

        CliHarness.Result week = career("week", "--weeks", "2");
        assertThat(week.exitCode()).as(week.err()).isZero();
        assertThat(status().get("week").asInt()).isEqualTo(dryWeeks + 2);

        long cash = status().get("cashPence").asLong();
        CliHarness.Result switched = career("switch", "employed");
        assertThat(switched.exitCode()).as(switched.err()).isZero();
        JsonNode employed = status();
        assertThat(employed.get("path").asText()).isEqualTo("employed");
        assertThat(employed.get("cashPence").asLong()).isEqualTo(cash - 40_000);
        assertThat(career("take", "w0-1").err()).contains("studio assigns");
        assertThat(career("switch", "sideways").exitCode()).isEqualTo(2);
    }

    @Test
    void declineRemovesAnOfferAndTheLearnerIsNamedWhenThereAreSeveral() throws Exception {
        CliHarness.run("learner", "add", "Ana", "--db", db());
        assertThat(career("start", "--seed", "5", "--path", "freelance").exitCode()).isZero();
        CliHarness.run("learner", "add", "Ben", "--db", db());
        assertThat(career("offers").err()).contains("--learner NAME");
        JsonNode offers = json(career("offers", "--json", "--learner", "Ana"));
        String id = offers.get(0).get("id").asText();
        assertThat(career("decline", id, "--learner", "Ana").exitCode()).isZero();
        JsonNode after = json(career("offers", "--json", "--learner", "Ana"));
        assertThat(after.size()).isEqualTo(offers.size() - 1);
        assertThat(career("status", "--learner", "Ben").err()).contains("no career yet for Ben");
        assertThat(career("take", "w99-9", "--learner", "Ana").err()).contains("no offer w99-9");
    }
}
