/**
 * The MySQL / MariaDB collector: SHOW GLOBAL STATUS read twice a window apart, performance_schema's
 * statement digests and index usage, the process list and the replica status, over JDBC (the
 * MariaDB driver, which speaks to MySQL too) in a read-only session with a per-statement time
 * limit. Least privilege: {@code PROCESS}, {@code SELECT ON performance_schema.*} and the right to
 * read the replica status ({@code REPLICATION CLIENT} on MySQL, {@code SLAVE MONITOR} on MariaDB
 * 10.5 and later). Passwords come from the URL, {@code MYSQL_PWD} or {@code ~/.my.cnf} ({@link
 * dev.headroom.collect.mysql.MyCnf}).
 */
package dev.headroom.collect.mysql;
