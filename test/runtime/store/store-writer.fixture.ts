/**
 * Child process for the kill -9 test: writes rules one transaction at a time into the store in argv[2] and prints
 * `ack <n>` after each commit, as the REST API acknowledges a write only after it is committed.
 */
import { DefinitionStore } from '../../../runtime/store/definition-store';

const store = DefinitionStore.open(process.argv[2] as string);
let n = 0;
const writeOne = (): void => {
  store.transaction(() => {
    store.putStream({ kind: 'stream', name: `s${n}`, sql: `CREATE STREAM s${n} () WITH (DATASOURCE="t${n}")`, origin: 'api' });
    store.putRule({ id: `r${n}`, definition: { id: `r${n}`, sql: `SELECT * FROM s${n}`, actions: [{ log: {} }] }, triggered: true, origin: 'api' });
  });
  process.stdout.write(`ack ${n}\n`);
  n++;
  setImmediate(writeOne);
};
writeOne();
