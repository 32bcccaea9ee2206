package dev.minmemory.server.bench;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import dev.minmemory.server.memory.Memory;
import dev.minmemory.server.memory.MemoryType;
import dev.minmemory.server.memory.Scope;

/**
 * A deterministic, realistic-looking corpus of memories: varied sentences about many people, services, tools and
 * projects, with the identifiers real notes carry (error codes, tickets, versions, hosts). Item {@code i} depends only
 * on {@code i}, so the 10k corpus is the first tenth of the 100k one and any run regenerates the same texts.
 */
public final class Corpus {

    public static final String USER = "local";

    static final List<String> PEOPLE = List.of("Alice", "Bogdan", "Chen", "Dana", "Emeka", "Farah", "Goran", "Hiro",
            "Ines", "Jonas", "Kalani", "Lena", "Mateo", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Sven", "Tariq",
            "Uma", "Viktor", "Wen", "Ximena", "Yusuf", "Zoe", "Amara", "Bruno", "Carmen", "Dmitri", "Elif", "Felix",
            "Greta", "Hassan", "Ivy", "Jamal", "Katya", "Luis", "Mei", "Nico");
    static final List<String> SERVICES = List.of("billing-service", "auth-proxy", "search-cluster", "payment-gateway",
            "email-worker", "image-resizer", "audit-log", "feature-flags", "graphql-gateway", "metrics-dashboard",
            "nightly-etl", "cdn-config", "mobile-app", "postgres-replica", "kafka-bridge", "session-store",
            "invoice-renderer", "recommendation-engine", "notification-hub", "user-profile-api", "rate-limiter",
            "checkout-flow", "inventory-sync", "shipping-quotes", "fraud-scorer", "report-builder", "backup-runner",
            "sso-bridge", "webhook-relay", "pdf-exporter", "geo-lookup", "tax-calculator", "ledger", "chat-widget",
            "onboarding-wizard", "admin-console", "data-lake-loader", "cache-warmer", "license-server",
            "cron-scheduler");
    static final List<String> TOOLS = List.of("Postgres 16", "Redis", "Kafka", "Kubernetes", "Terraform", "Grafana",
            "Prometheus", "Elasticsearch", "RabbitMQ", "Nginx", "Envoy", "GitHub Actions", "Jenkins", "Argo CD",
            "Helm", "Vault", "Keycloak", "Snowflake", "dbt", "Airflow", "Spark", "gRPC", "OpenTelemetry", "Sentry",
            "Datadog", "S3", "CloudFront", "Lambda", "DynamoDB", "Quarkus", "Spring Boot", "React", "Next.js",
            "TypeScript", "Go 1.22", "Rust", "Python 3.12", "Java 21", "Gradle", "pnpm");
    static final List<String> PROJECTS = List.of("atlas", "borealis", "cobalt", "delta-migration", "ember", "falcon",
            "granite", "harbor", "iris", "juniper", "kestrel", "lumen", "meridian", "nimbus", "orchid", "pioneer",
            "quasar", "redwood", "sapphire", "tundra", "umbra", "vortex", "willow", "xenon", "yarrow", "zephyr");
    static final List<String> ACTIONS = List.of("migrated", "benchmarked", "rewrote", "documented", "rolled back",
            "load-tested", "secured", "refactored", "profiled", "deprecated", "containerised", "patched", "sharded",
            "archived", "upgraded", "split", "cached", "instrumented", "audited", "throttled");
    static final List<String> REASONS = List.of("because p99 latency doubled on Mondays",
            "after a customer reported lost invoices", "to cut the cloud bill by a third",
            "since the vendor ends support in spring", "before the security audit",
            "after an outage during the holiday sale", "to unblock the Android release", "because tests were flaky",
            "to meet the new data-retention rule", "when disk usage hit ninety percent",
            "to support right-to-left languages", "after the on-call rotation complained",
            "so that exports finish overnight", "to remove a licence conflict", "because the connection pool ran dry",
            "after memory leaked under load", "to pass the SOC 2 review", "because deploys took forty minutes");
    static final List<String> PREFERENCES = List.of("prefers small pull requests with a clear description",
            "wants commit messages in the imperative mood", "likes tabs over spaces in Go code",
            "asks for dark mode in every dashboard", "reviews code only in the morning",
            "prefers integration tests over mocks", "wants every ADR linked from the README",
            "dislikes meetings on Fridays", "uses Vim keybindings everywhere", "prefers British spelling in docs",
            "wants feature flags for risky changes", "asks for benchmarks before any optimisation");
    static final List<String> SYMPTOMS = List.of("times out after 30 seconds", "returns HTTP 502 under load",
            "leaks file descriptors", "drops messages when the broker restarts", "deadlocks on concurrent writes",
            "reports negative balances", "double-charges some customers", "fails TLS handshakes with old clients",
            "runs out of heap at startup", "serves stale prices from the cache");

    private Corpus() {
    }

    /** The text of item {@code i}. */
    public static String text(long i) {
        return memory(i).text();
    }

    /** Item {@code i} as a stored memory of the local user. */
    public static Memory memory(long i) {
        SplittableRandom r = new SplittableRandom(0x5eedL * 1_000_003L + i);
        String person = pick(r, PEOPLE);
        String other = pick(r, PEOPLE);
        String service = pick(r, SERVICES);
        String tool = pick(r, TOOLS);
        String project = pick(r, PROJECTS);
        String code = "E" + (1000 + r.nextInt(9000));
        String ticket = project.substring(0, 3).toUpperCase() + "-" + (100 + r.nextInt(9900));
        String version = r.nextInt(5) + "." + r.nextInt(30) + "." + r.nextInt(20);
        int number = 2 + r.nextInt(98);
        String text;
        String entity = service;
        MemoryType type = MemoryType.PROJECT_CONTEXT;
        switch (r.nextInt(14)) {
            case 0 -> {
                text = person + " " + pick(r, ACTIONS) + " the " + service + " " + pick(r, REASONS) + ".";
                type = MemoryType.EPISODIC;
            }
            case 1 -> {
                text = person + " " + pick(r, PREFERENCES) + ", as they told " + other + " in sprint " + number
                        + " of " + project + ".";
                entity = person;
                type = MemoryType.CORE_IDENTITY;
            }
            case 2 -> text = "The " + service + " " + pick(r, SYMPTOMS) + " with error " + code + "; the fix is in "
                    + ticket + ".";
            case 3 -> {
                text = "In " + project + ", the " + service + " runs on " + tool + " " + version + " with " + number
                        + " replicas.";
                entity = tool;
            }
            case 4 -> {
                text = "To release " + project + ", run the " + tool + " pipeline, wait for " + other
                        + " to approve, then tag v" + version + ".";
                type = MemoryType.TASK_INSTRUCTION;
                entity = project;
            }
            case 5 -> {
                text = "Ticket " + ticket + ": " + person + " found that the " + service + " " + pick(r, SYMPTOMS)
                        + " when more than " + number + " requests arrive per second.";
                type = MemoryType.EPISODIC;
            }
            case 6 -> text = "Error " + code + " in the " + service + " means the upstream " + tool
                    + " connection was refused; restart the sidecar before paging anyone.";
            case 7 -> {
                text = person + " owns the " + service + " and " + other + " is the backup on-call for it.";
                entity = person;
            }
            case 8 -> {
                text = "We chose " + tool + " for " + project + " " + pick(r, REASONS) + "; " + other
                        + " wrote the decision record.";
                entity = tool;
            }
            case 9 -> {
                text = "The " + service + " staging host is " + service + "-" + number + ".staging." + project
                        + ".internal and its dashboards live in Grafana folder " + project + ".";
            }
            case 10 -> {
                text = person + " and " + other + " paired on the " + service + " for " + number + " minutes and "
                        + pick(r, ACTIONS) + " it " + pick(r, REASONS) + ".";
                type = MemoryType.EPISODIC;
                entity = person;
            }
            case 11 -> {
                text = "Never deploy the " + service + " on a Friday; " + person + " asked that every change to it go"
                        + " through " + tool + " first.";
                type = MemoryType.TASK_INSTRUCTION;
            }
            case 12 -> {
                text = "The " + project + " budget allows " + number + " thousand euros a month for " + tool
                        + ", reviewed by " + person + " each quarter.";
                entity = project;
            }
            default -> {
                text = "Upgrading " + tool + " to " + version + " broke the " + service + " (" + code
                        + "); pin the previous version until " + ticket + " is closed.";
                entity = tool;
            }
        }
        Scope scope = switch (r.nextInt(10)) {
            case 0, 1 -> Scope.GLOBAL;
            case 2, 3 -> Scope.TASK;
            default -> Scope.PROJECT;
        };
        if (type == MemoryType.CORE_IDENTITY) {
            scope = Scope.GLOBAL;
        }
        Instant created = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i * 97);
        return new Memory(new UUID(0x6d656d6f72790000L, i).toString(), USER, text, type, scope, entity,
                scope == Scope.GLOBAL ? null : project, scope == Scope.TASK ? ticket : null, List.of(), Map.of(),
                List.of(project, pick(r, List.of("backend", "frontend", "ops", "data", "security"))), "active", null,
                created, created, false, null, null);
    }

    /**
     * A question someone would ask about item {@code i}'s subject, worded differently from the memory itself:
     * the retrieve_context workload.
     */
    public static String question(long i) {
        Memory m = memory(i);
        SplittableRandom r = new SplittableRandom(0x9e3779b9L + i);
        return switch (r.nextInt(6)) {
            case 0 -> "Who is responsible for " + m.entity() + "?";
            case 1 -> "What went wrong with " + m.entity() + " recently?";
            case 2 -> "How do we release " + (m.project() == null ? "the app" : m.project()) + "?";
            case 3 -> "What does " + m.entity() + " prefer when working?";
            case 4 -> "Which version of " + pick(r, TOOLS) + " does " + m.entity() + " use?";
            default -> "Known issues and error codes of " + m.entity();
        };
    }

    private static <T> T pick(SplittableRandom r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }
}
