import { readPolicyFile } from './adapters/policy/read-policy-file.ts';
const p = await readPolicyFile('policy.example.yaml');
console.log(p.rules.map(r => [r.name, r.match, r.calendar?.timeZone]));
try { await readPolicyFile('nope.yaml') } catch (e) { console.log((e as Error).message) }
