package dev.minmemory.server.bench;

import java.util.List;

/**
 * The retrieval-quality set: facts hidden among the corpus, each with one question whose answer is that fact.
 * {@code PARAPHRASE} questions share almost no words with their fact; {@code IDENTIFIER} questions name an exact
 * token (error code, ticket, name, host, config key, file path, dotted version, camelCase or snake_case name,
 * email address) that dense embeddings represent poorly.
 */
final class LabelledSet {

    enum Kind {
        PARAPHRASE, IDENTIFIER
    }

    record Item(Kind kind, String entity, String fact, String question) {
    }

    private LabelledSet() {
    }

    static final List<Item> ITEMS = List.of(
            p("user", "The user is allergic to peanuts, so team lunches avoid Thai and West African places.",
                    "Which foods can I not eat?"),
            p("user", "The user lives in Lisbon and works Central European Time hours, starting around 10 am.",
                    "What time zone am I in and when does my day begin?"),
            p("user", "The user wants answers short and blunt, without pleasantries or summaries at the end.",
                    "How should responses be written for me?"),
            p("user", "The user's daughter starts school in September, so they leave every day at 4 pm.",
                    "Why do I finish work early in the afternoon?"),
            p("user", "The user is learning Japanese and practises with flashcards every evening.",
                    "Which language am I studying?"),
            p("user", "The user runs a marathon in October and trains at dawn on weekdays.",
                    "What sporting event am I preparing for?"),
            p("kestrel", "Kestrel's customers are mostly veterinary clinics in the Nordic countries.",
                    "Who buys the kestrel product?"),
            p("kestrel", "The kestrel mobile app is written in Flutter because the team had no Swift developers.",
                    "Why did kestrel pick a cross-platform framework for phones?"),
            p("orchid", "Orchid must keep patient records inside the EU; storing them in US regions is forbidden.",
                    "Where are we allowed to host orchid's medical data?"),
            p("orchid", "The orchid demo for the hospital board is on the 14th and must show the triage screen.",
                    "When is orchid presented to the clinic's leadership?"),
            p("billing", "Invoices are generated on the first business day of each month and emailed as PDF.",
                    "How and when do customers get their bills?"),
            p("billing", "Refunds above 500 euros need a second approval from finance before they are paid.",
                    "Who has to sign off on large money-back requests?"),
            p("ci", "The test suite takes 25 minutes because the end-to-end tests start a real browser.",
                    "Why is the build pipeline so slow?"),
            p("ci", "Merges to main are blocked on weekends unless the change is a hotfix.",
                    "Can I merge on a Saturday?"),
            p("database", "The primary database is backed up every six hours and backups are kept for 35 days.",
                    "How often are snapshots of our data taken and how long are they retained?"),
            p("database", "Never run schema migrations during the European business day; use the 02:00 window.",
                    "When may I alter tables in production?"),
            p("oncall", "The on-call engineer gets paged through Opsgenie and must acknowledge within 5 minutes.",
                    "How quickly do I need to respond to an alert when on duty?"),
            p("oncall", "Handover of the pager happens every Tuesday at noon with a written summary.",
                    "When does the incident rotation switch to the next person?"),
            p("design", "The brand colours are deep teal and warm sand; red is reserved for destructive actions.",
                    "What palette should the interface use?"),
            p("design", "All buttons use sentence case, never title case or all capitals.",
                    "How should labels on clickable controls be capitalised?"),
            p("security", "Production secrets live in Vault; developers never see them, the deploy job injects them.",
                    "How do credentials reach the live servers?"),
            p("security", "Laptops must use full-disk encryption and lock after two minutes idle.",
                    "What are the rules for protecting work computers?"),
            p("hiring", "Interview loops have four steps: screen, pairing, system design, and a values chat.",
                    "What does our recruitment process look like?"),
            p("hiring", "We are looking for a senior data engineer who knows streaming and speaks German.",
                    "Which role is open right now?"),
            p("travel", "The team offsite is in Porto in May; flights are booked through the travel desk.",
                    "Where is everyone meeting in person this spring?"),
            p("travel", "Train is preferred over plane for trips under five hours, for the carbon budget.",
                    "Should I fly or take the rail for short journeys?"),
            p("search", "Search results are ranked by recency for support agents but by relevance for customers.",
                    "Why do support staff see a different result order?"),
            p("search", "The search index is rebuilt from scratch every Sunday night because of synonym changes.",
                    "When is the full reindex done?"),
            p("analytics", "Weekly active users dropped 8 percent after the pricing page redesign.",
                    "Did the new plans page hurt engagement?"),
            p("analytics", "Dashboards refresh hourly; the finance ones only after the nightly close.",
                    "How current are the numbers in our reports?"),
            id("payments", "Error PAY-77341 means the acquirer rejected the 3-D Secure challenge; retry once.",
                    "PAY-77341"),
            id("payments", "Ticket INC-20931 tracked the outage where webhooks were delivered twice.",
                    "INC-20931"),
            id("security", "CVE-2024-3094 affected the xz package; our base images were rebuilt on 30 March.",
                    "CVE-2024-3094"),
            id("people", "Marisol Okonkwo-Brandt is the legal contact for data-processing agreements.",
                    "Marisol Okonkwo-Brandt"),
            id("people", "Thandiwe Lindqvist approves budget requests above ten thousand euros.",
                    "Who is Thandiwe Lindqvist?"),
            id("infra", "The host db-replica-07.fra2.internal serves read-only analytics queries.",
                    "db-replica-07.fra2.internal"),
            id("config", "MAX_POOL_SIZE must stay at 40 or below, or the database refuses connections.",
                    "MAX_POOL_SIZE"),
            id("code", "The function reconcileLedgerBatch skips entries older than 90 days on purpose.",
                    "reconcileLedgerBatch"),
            id("infra", "Bucket s3://acme-exports-eu-west-1 holds the nightly customer exports.",
                    "acme-exports-eu-west-1"),
            id("errors", "Exit code 137 in the worker pods means the OOM killer ended them.",
                    "exit code 137"),
            id("errors", "ORA-01555 snapshot too old appears when the reporting job runs past 2 hours.",
                    "ORA-01555"),
            id("code", "Feature flag enable_split_checkout_v3 is on for 10 percent of traffic.",
                    "enable_split_checkout_v3"),
            id("infra", "Kafka topic orders.v2.dlq collects messages the order consumer could not parse.",
                    "orders.v2.dlq"),
            id("code", "The regex in sanitizeSkuCode rejects SKUs containing lowercase letters.",
                    "sanitizeSkuCode"),
            id("errors", "HTTP 429 from the geocoding vendor Mapcraft means our quota of 50k calls a day is used up.",
                    "Mapcraft 429"),
            id("infra", "The VPN gateway address is 10.42.17.1 and only allows WireGuard.",
                    "10.42.17.1"),
            id("people", "Ngozi Achterberg wrote the original ledger schema in 2019.",
                    "Ngozi Achterberg"),
            id("code", "Migration V0187__split_addresses.sql must run before the new address form ships.",
                    "V0187__split_addresses"),
            id("errors", "Error E72119 in the label printer driver is fixed by firmware 4.2.7.", "E72119"),
            id("infra", "Grafana dashboard uid k7Xq2mPz shows the checkout funnel.", "k7Xq2mPz"),
            id("config", "The nginx rate limits live in /etc/nginx/conf.d/ratelimit.conf on the edge hosts.",
                    "/etc/nginx/conf.d/ratelimit.conf"),
            id("code", "src/main/resources/db/changelog/master.yaml lists every Liquibase changeset in order.",
                    "db/changelog/master.yaml"),
            id("user", "The user keeps their shell aliases in ~/.config/fish/conf.d/aliases.fish.",
                    "~/.config/fish/conf.d/aliases.fish"),
            id("infra", "Postgres 15.6 is the newest version the managed database offering supports.", "15.6"),
            id("code", "Spring Boot 3.4.11 broke the custom Jackson module; the service is pinned to 3.4.10.",
                    "3.4.11"),
            id("infra", "Terraform provider hashicorp/aws 5.31.0 introduced the bucket policy drift we saw.",
                    "5.31.0"),
            id("code", "invoiceTotalWithTax rounds each line before summing, as the tax office requires.",
                    "invoiceTotalWithTax"),
            id("code", "The React hook useCartSubscription re-renders the header on every price change.",
                    "useCartSubscription"),
            id("code", "parseIso8601Duration rejects durations with weeks, like P2W.", "parseIso8601Duration"),
            id("database", "The column customer_lifetime_value is recomputed nightly and may lag by a day.",
                    "customer_lifetime_value"),
            id("code", "The Python helper fetch_exchange_rates caches rates for fifteen minutes.",
                    "fetch_exchange_rates"),
            id("config", "Setting retry_backoff_max_ms above 30000 makes the consumer miss its session timeout.",
                    "retry_backoff_max_ms"),
            id("people", "Security reports go to security-desk@acme-corp.example, which pages the on-call lead.",
                    "security-desk@acme-corp.example"),
            id("user", "The user's work email is j.ferreira@lisboa-labs.example; the personal one is not for work.",
                    "j.ferreira@lisboa-labs.example"),
            id("billing", "Invoices bounce back from ap-invoices@nordvet.example because its mailbox is full.",
                    "ap-invoices@nordvet.example"));

    private static Item p(String entity, String fact, String question) {
        return new Item(Kind.PARAPHRASE, entity, fact, question);
    }

    private static Item id(String entity, String fact, String question) {
        return new Item(Kind.IDENTIFIER, entity, fact, question);
    }
}
