package io.nightwatch.jobs.config;

import java.io.Serializable;

/** How a job reaches Kafka: brokers, its consumer group, and whether its sources stop at the latest offsets. */
public record KafkaSettings(String bootstrapServers, String groupId, boolean bounded, boolean exactlyOnce)
        implements Serializable {

    public static final String BOOTSTRAP_SERVERS = "bootstrap-servers";
    public static final String GROUP_ID = "group-id";
    public static final String BOUNDED = "bounded";
    public static final String EXACTLY_ONCE = "exactly-once";

    /** Reads {@code --bootstrap-servers} (required), {@code --group-id}, {@code --bounded}, {@code --exactly-once}. */
    public static KafkaSettings from(JobArgs args, String defaultGroup) {
        return new KafkaSettings(
                args.required(BOOTSTRAP_SERVERS),
                args.optional(GROUP_ID, defaultGroup),
                args.flag(BOUNDED, false),
                args.flag(EXACTLY_ONCE, true));
    }
}
