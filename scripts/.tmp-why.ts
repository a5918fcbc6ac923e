import { readFileSync } from 'node:fs';
import { cleanEmail } from '../src/triage/clean-email.ts';
import { labelledEmailSchema } from '../src/triage/eval/labelled-email.ts';
import { CATEGORY_RULES, NEGATIONS } from '../src/triage/heuristic/category-rules.ts';
import { splitSegments } from '../src/triage/heuristic/text-segments.ts';
const [file, ...ids] = process.argv.slice(2);
for (const l of readFileSync(file!, 'utf8').split('\n').filter(Boolean)) {
  const r = labelledEmailSchema.parse(JSON.parse(l));
  if (!ids.includes(r.id!)) continue;
  const c = cleanEmail({ subject: r.subject, text: r.body ?? '' });
  console.log(`## ${r.id} lang text:\n${c.text}\n--fwd: ${c.forwardedText?.slice(0, 200)}`);
  for (const s of splitSegments(`${c.subject}\n\n${c.text}\n\n${c.forwardedText ?? ''}`)) {
    for (const rule of CATEGORY_RULES) { const m = rule.pattern.exec(s.text); if (m) console.log(`  ${rule.category}+${rule.weight}${NEGATIONS[rule.category]?.test(s.text) ? ' NEG' : ''}: "${m[0]}" in "${s.text.slice(0, 80)}"`); }
  }
}
