package io.nightwatch.functions.incidents.grouping;

import io.nightwatch.functions.incidents.model.Notification;

/**
 * What a flush produced: the notification to send (null when none), the next flush time, and whether the group
 * emptied (its state can then be cleared).
 */
public record FlushResult(Notification notification, Notification closing, long nextFlushAt, boolean empty, int mutedCount) {}
