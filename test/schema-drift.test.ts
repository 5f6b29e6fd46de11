// The SQL migrations and prisma/schema.prisma describe the same tables, column by column: Prisma's
// migrate cannot run here, so nothing else would notice if they drifted apart.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import internals from '@prisma/internals';
import pg from 'pg';
import { inject } from 'vitest';

const PG_TYPE: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  BigInt: 'bigint',
  Boolean: 'boolean',
  DateTime: 'timestamp with time zone',
  Json: 'jsonb',
  Float: 'double precision',
  Bytes: 'bytea',
};

let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
});
afterAll(async () => client?.end());

describe('schema drift', async () => {
  const dmmf = await internals.getDMMF({ datamodel: readFileSync('prisma/schema.prisma', 'utf8') });

  it('has a table for every model and no table without a model', async () => {
    const { rows } = await client.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'pgmigrations' ORDER BY 1`,
    );
    expect(rows.map((r) => r.table_name)).toEqual(dmmf.datamodel.models.map((m) => m.dbName ?? m.name).sort());
  });

  for (const model of dmmf.datamodel.models) {
    it(`${model.name}: same columns, types and nullability`, async () => {
      const table = model.dbName ?? model.name;
      const { rows } = await client.query(
        `SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY column_name`,
        [table],
      );
      const actual = rows.map((r) => `${r.column_name} ${r.data_type} ${r.is_nullable === 'YES' ? 'null' : 'not null'}`);
      const expected = model.fields
        .filter((f) => f.kind === 'scalar')
        .map((f) => {
          // A list (String[]) is a PostgreSQL array, whatever its element type.
          const type = f.isList ? 'ARRAY' : f.nativeType?.[0] === 'Date' ? 'date' : PG_TYPE[f.type];
          return `${f.dbName ?? f.name} ${type} ${f.isRequired ? 'not null' : 'null'}`;
        })
        .sort();
      expect(actual).toEqual(expected);
    });
  }

  it('keeps the audit trail append-only in the database itself', async () => {
    await client.query(
      `INSERT INTO audit_event (key, at, actor_role, action, entity_type, entity_id) VALUES ('drift-test', now(), 'system', 'test', 'test', 'x')`,
    );
    await expect(client.query(`UPDATE audit_event SET reason = 'edited' WHERE key = 'drift-test'`)).rejects.toThrow(/append-only/);
    await expect(client.query(`DELETE FROM audit_event WHERE key = 'drift-test'`)).rejects.toThrow(/append-only/);
    await expect(client.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
  });

  it('sorts Chinese names by pinyin', async () => {
    const { rows } = await client.query(`SELECT name FROM jurisdiction WHERE parent_id = '330900' ORDER BY name`);
    expect(rows.map((r) => r.name)).toEqual(['岱山县', '定海区', '普陀区', '嵊泗县']);
  });
});
