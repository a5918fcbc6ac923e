import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

interface CompactEmoji {
  hexcode: string;
  unicode: string;
  skins?: CompactEmoji[];
}

const require = createRequire(import.meta.url);
let cached: Promise<Record<string, string>> | undefined;

/**
 * Slack's emoji shortcodes (`heavy_multiplication_x`, `white_check_mark`, ...) to the emoji, from
 * emojibase-data: Slack names its emoji after iamcal's emoji-data, which emojibase publishes as
 * the `iamcal` shortcode set; the characters (fully qualified, with FE0F where Slack shows the
 * emoji form) come from its compact dataset. Read once, served to the browser as one JSON object.
 */
export function slackEmojiShortcodes(): Promise<Record<string, string>> {
  cached ??= (async () => {
    const read = async (file: string) => JSON.parse(await readFile(require.resolve(`emojibase-data/${file}`), 'utf8')) as unknown;
    const [shortcodes, compact] = (await Promise.all([read('en/shortcodes/iamcal.json'), read('en/compact.json')])) as [Record<string, string | string[]>, CompactEmoji[]];
    const unicodeOf = new Map<string, string>();
    for (const e of compact) for (const x of [e, ...(e.skins ?? [])]) unicodeOf.set(x.hexcode, x.unicode);
    const byName: Record<string, string> = {};
    for (const [hexcode, names] of Object.entries(shortcodes)) {
      const unicode = unicodeOf.get(hexcode) ?? String.fromCodePoint(...hexcode.split('-').map((h) => Number.parseInt(h, 16)));
      for (const name of Array.isArray(names) ? names : [names]) byName[name] = unicode;
    }
    return byName;
  })();
  return cached;
}
