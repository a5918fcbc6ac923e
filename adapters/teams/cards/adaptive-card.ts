import { assertUniqueIds, type CardBlockId, type CardInputId } from './card-ids.ts';
import type { AdaptiveCard } from './verbs.ts';

export type { AdaptiveCard };

/**
 * Small constructors for the Adaptive Card elements the bot uses, and only those (see
 * mobile-allowlist.ts: each renders and works on Teams for iOS and Android). Callers pass text
 * already escaped with escape-card-text.ts; every TextBlock wraps, because a phone is narrow and
 * a cut-off vendor name or reason is worse than a taller card.
 */

export type TextColor = 'default' | 'good' | 'warning' | 'attention' | 'accent';

export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap: true;
  weight?: 'bolder';
  size?: 'small' | 'medium' | 'large';
  color?: TextColor;
  isSubtle?: true;
  style?: 'heading';
  spacing?: 'none' | 'small' | 'medium';
  separator?: true;
  id?: CardBlockId;
}

export interface FactSet {
  type: 'FactSet';
  facts: Array<{ title: string; value: string }>;
  id?: CardBlockId;
  spacing?: 'none' | 'small' | 'medium';
}

export interface Container {
  type: 'Container';
  items: CardElement[];
  id?: CardBlockId;
  style?: 'emphasis' | 'attention' | 'good' | 'warning';
  separator?: true;
  spacing?: 'none' | 'small' | 'medium';
}

export interface ActionSet {
  type: 'ActionSet';
  actions: CardAction[];
  spacing?: 'none' | 'small';
}

export interface InputText {
  type: 'Input.Text';
  id: CardInputId;
  label: string;
  isRequired: boolean;
  errorMessage: string;
  isMultiline: boolean;
  maxLength: number;
  placeholder?: string;
}

export interface InputChoiceSet {
  type: 'Input.ChoiceSet';
  id: CardInputId;
  label: string;
  style: 'compact';
  isMultiSelect: false;
  isRequired: true;
  errorMessage: string;
  /** The pre-selected choice; left out when the person has to pick (nothing pre-selected). */
  value?: string;
  choices: Array<{ title: string; value: string }>;
}

/** A picture by URL (the control tower's charts, signed PNG URLs). */
export interface ImageElement {
  type: 'Image';
  url: string;
  altText: string;
  spacing?: 'none' | 'small' | 'default' | 'medium';
}

export type CardElement = TextBlock | FactSet | Container | ActionSet | InputText | InputChoiceSet | ImageElement;

export interface ExecuteAction {
  type: 'Action.Execute';
  title: string;
  verb: string;
  data: Record<string, unknown>;
  associatedInputs?: 'auto' | 'none';
  style?: 'positive' | 'destructive';
}

export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}

export interface ShowCardAction {
  type: 'Action.ShowCard';
  title: string;
  card: { type: 'AdaptiveCard'; body: CardElement[]; actions: CardAction[] };
  style?: 'positive' | 'destructive';
}

export type CardAction = ExecuteAction | OpenUrlAction | ShowCardAction;

/** Teams shows at most 6 top-level actions; more would be dropped (mobile shows fewer per row, then wraps). */
export const MAX_CARD_ACTIONS = 6;

export const ac = {
  text(text: string, options: Omit<TextBlock, 'type' | 'text' | 'wrap'> = {}): TextBlock {
    return { type: 'TextBlock', text, wrap: true, ...options };
  },
  heading(text: string): TextBlock {
    return { type: 'TextBlock', text, wrap: true, style: 'heading', weight: 'bolder', size: 'medium' };
  },
  subtle(text: string): TextBlock {
    return { type: 'TextBlock', text, wrap: true, isSubtle: true, size: 'small', spacing: 'small' };
  },
  facts(facts: Array<{ title: string; value: string }>, id?: CardBlockId): FactSet {
    return { type: 'FactSet', facts, ...(id ? { id } : {}) };
  },
  image(url: string, altText: string): ImageElement {
    return { type: 'Image', url, altText, spacing: 'medium' };
  },
  container(items: CardElement[], options: Omit<Container, 'type' | 'items'> = {}): Container {
    return { type: 'Container', items, ...options };
  },
  actionSet(actions: CardAction[]): ActionSet {
    return { type: 'ActionSet', actions, spacing: 'small' };
  },
  execute(title: string, verb: string, data: Record<string, unknown>, options: Pick<ExecuteAction, 'associatedInputs' | 'style'> = {}): ExecuteAction {
    return { type: 'Action.Execute', title, verb, data, ...options };
  },
  openUrl(title: string, url: string): OpenUrlAction {
    return { type: 'Action.OpenUrl', title, url };
  },
  showCard(title: string, body: CardElement[], actions: CardAction[], style?: ShowCardAction['style']): ShowCardAction {
    return { type: 'Action.ShowCard', title, card: { type: 'AdaptiveCard', body, actions }, ...(style ? { style } : {}) };
  },
  /**
   * A whole card. `refresh` (Universal Actions) makes Teams ask the bot for the card as the
   * viewer should see it; see approval-card.ts for how Teams schedules it.
   */
  card(body: CardElement[], actions: CardAction[], refresh?: { verb: string; data: Record<string, unknown> }): AdaptiveCard {
    const card: AdaptiveCard = {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      body,
      ...(actions.length ? { actions: actions.slice(0, MAX_CARD_ACTIONS) } : {}),
      ...(refresh ? { refresh: { action: { type: 'Action.Execute', verb: refresh.verb, data: refresh.data } } } : {}),
      msteams: { width: 'Full' },
    };
    assertUniqueIds(card);
    return card;
  },
};

/** Only http(s) links become Open buttons or markdown links; anything else stays text. */
export function isWebUrl(url: string | null | undefined): url is string {
  return typeof url === 'string' && url.length <= 2_048 && /^https?:\/\/[^\s<>"]+$/i.test(url);
}

/** A markdown link whose label is escaped text and whose URL cannot close the link early. */
export function cardLink(url: string, escapedLabel: string): string {
  if (!isWebUrl(url)) return escapedLabel;
  return `[${escapedLabel}](${url.replace(/[()<>\s]/g, encodeURIComponent)})`;
}
