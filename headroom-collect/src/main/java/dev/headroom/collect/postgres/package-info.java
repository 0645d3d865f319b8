/**
 * The PostgreSQL collector: the statistics views (pg_stat_activity, pg_stat_database,
 * pg_statio_user_tables, pg_stat_user_tables, pg_stat_replication, pg_stat_statements when
 * installed) over JDBC, in a read-only session with statement and lock timeouts. Counters are read
 * twice a window apart. Least privilege: a role with {@code pg_monitor}.
 */
package dev.headroom.collect.postgres;
