import { sql } from 'drizzle-orm';

/**
 * A UUIDv7 made in SQL (ms timestamp + random), for rows a statement generates set-wise
 * (`insert … select`): the same kind of id `uuid`'s `v7()` gives, without sending one per row.
 */
export const UUID_V7 = sql.raw(`encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing substring(int8send((extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid`);
