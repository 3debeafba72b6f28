const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Rows are named by UUIDs; checking first keeps other text away from PostgreSQL, which would refuse it with an error. */
export const isUuid = (value: unknown): value is string => typeof value === "string" && UUID.test(value);
