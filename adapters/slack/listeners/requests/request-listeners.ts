import type { App, BlockAction, ButtonAction, SlackCommandMiddlewareArgs, AllMiddlewareArgs } from '@slack/bolt';
import type { Logger } from 'pino';
import type { ChatUserRef } from '../../../../src/approvals/approval-card-view.ts';
import type { RequestSubmission } from '../../../../src/requests/submit-request.ts';
import type { MyRequestLine } from '../../../../src/requests/my-requests.ts';
import type { RequestChatUseCases } from '../../../../src/requests/request-chat-use-cases.ts';
import { REQUEST_CARD, renderRequestTextModal } from '../../blocks/request-card.ts';
import { REQUEST_FORM, readRequestForm, readRequestFormMetadata, renderRequestForm, requestOpenButton } from '../../blocks/request-form.ts';
import { bk, type Block } from '../../blocks/block-kit.ts';
import { escapeMrkdwn } from '../../mrkdwn.ts';
import { link } from '../../blocks/status-format.ts';

/** The purchase-request use cases, bound (the requests feature builds them). */
export interface RequestSlackDeps extends RequestChatUseCases {
  mine(chat: ChatUserRef): Promise<{ ok: true; lines: MyRequestLine[] } | { ok: false; message: string }>;
  logger: Logger;
}

type Client = AllMiddlewareArgs['client'];
const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));
const slackUser = (userId: string, name?: string): ChatUserRef => ({ platform: 'slack', userId, ...(name ? { displayName: name } : {}) });
const option = (value: string, label: string) => ({ text: { type: 'plain_text' as const, text: label.slice(0, 75) || ' ' }, value });

/** Opens the form for a person (a trigger_id from their command or click), or tells them why not. */
export async function openRequestModal(client: Client, deps: RequestSlackDeps, input: { user: string; triggerId: string; words: string; chatLink: string | null; tell: (text: string) => Promise<unknown> }): Promise<void> {
  try {
    const opened = await deps.openForm(slackUser(input.user), input.words);
    if (!opened.ok) {
      await input.tell(opened.message);
      return;
    }
    await client.views.open({ trigger_id: input.triggerId, view: renderRequestForm(opened.data, input.chatLink) });
  } catch (err) {
    deps.logger.warn({ err: errorText(err), user: input.user }, 'could not open the request form');
    await input.tell('Sorry, I could not open the request form: Odoo did not answer. Try again in a minute.').catch(() => undefined);
  }
}

/** `/po request [words]`: the form, prefilled from the words. */
export function requestCommand(deps: RequestSlackDeps) {
  return async ({ ack, command, client, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const words = (command.text ?? '').replace(/^\s*request\b/i, '').trim();
    await openRequestModal(client, deps, {
      user: command.user_id, triggerId: command.trigger_id, words,
      chatLink: `https://app.slack.com/client/${command.team_id}/${command.channel_id}`,
      tell: (text) => respond({ response_type: 'ephemeral', text }),
    });
  };
}

/** Plain words in the bot's DM that ask for something: a button that opens the prefilled form (a modal needs a click). */
export function requestWordsAnswer(words: string): { text: string; blocks: Block[] } {
  return {
    text: 'Open a purchase request with this?',
    blocks: [
      bk.section(`Shall I open a purchase request for _${escapeMrkdwn(words.slice(0, 300))}_? Nothing is ordered until you submit the form.`),
      { type: 'actions', block_id: 'request-open', elements: [requestOpenButton(words, 'Open the request form')] },
    ],
  };
}

/** The Home tab's part: the button and the person's requests with their state. */
export async function requestHomeBlocks(chat: ChatUserRef, deps: RequestSlackDeps, command = '/po'): Promise<Block[]> {
  const mine = await deps.mine(chat);
  const blocks: Block[] = [
    bk.section(`*Purchase requests* (\`${command} request\`, or tell me "we need 40 cases of gloves for ATL by Friday")`),
    { type: 'actions', block_id: 'request-home', elements: [requestOpenButton('')] },
  ];
  if (mine.ok && mine.lines.length > 0) blocks.push(bk.section(mine.lines.map(lineText).join('\n')));
  else if (mine.ok) blocks.push(bk.context(['You have no purchase requests yet.']));
  blocks.push(bk.divider());
  return blocks;
}

export function lineText(l: MyRequestLine): string {
  return `• ${l.orderUrl ? link(l.orderUrl, l.ref) : escapeMrkdwn(l.ref)} ${escapeMrkdwn(l.text.slice(l.ref.length + 2))}`;
}

export function register(app: App, deps: RequestSlackDeps): void {
  app.options(REQUEST_FORM.productAction, async ({ ack, options }) => {
    const found = await deps.products(String((options as { value?: unknown }).value ?? '')).catch((err: unknown) => {
      deps.logger.warn({ err: errorText(err) }, 'product search failed');
      return [];
    });
    await ack({ options: found.map((p) => option(String(p.id), p.label)) });
  });
  app.options(REQUEST_FORM.vendorAction, async ({ ack, options }) => {
    const found = await deps.vendors(String((options as { value?: unknown }).value ?? '')).catch(() => []);
    await ack({ options: found.map((v) => option(String(v.id), v.name)) });
  });

  app.view(REQUEST_FORM.callbackId, async ({ ack, body, view }) => {
    const submission: RequestSubmission = {
      chat: slackUser(body.user.id, body.user.name),
      formId: view.id,
      form: readRequestForm(view.state.values as never),
      chatLink: readRequestFormMetadata(view.private_metadata).chatLink,
    };
    try {
      const out = await deps.submit(submission);
      if (!out.ok) {
        await ack({ response_action: 'errors', errors: out.errors as Record<string, string> });
        return;
      }
      await ack();
    } catch (err) {
      deps.logger.warn({ err: errorText(err), user: body.user.id }, 'request submission failed');
      await ack({ response_action: 'errors', errors: { productId: 'Odoo did not answer; your request was not filed. Submit again in a minute.' } });
    }
  });

  app.action<BlockAction<ButtonAction>>(REQUEST_FORM.openAction, async ({ ack, body, action, client, respond }) => {
    await ack();
    await openRequestModal(client, deps, {
      user: body.user.id, triggerId: body.trigger_id, words: action.value ?? '',
      chatLink: body.channel ? `https://app.slack.com/client/${body.team?.id ?? ''}/${body.channel.id}` : null,
      tell: (text) => (body.channel ? respond({ response_type: 'ephemeral', replace_original: false, text }) : client.chat.postMessage({ channel: body.user.id, text })),
    });
  });

  app.action<BlockAction<ButtonAction>>(REQUEST_CARD.send, async ({ ack, body, action, respond }) => {
    await ack();
    const answer = await deps.decide({ requestId: action.value ?? '', action: 'send', by: slackUser(body.user.id, body.user.name), text: null }).catch((err: unknown) => ({ ok: false as const, message: `Not recorded (${errorText(err)}); click again.` }));
    if (!answer.ok) await respond({ response_type: 'ephemeral', replace_original: false, text: answer.message }).catch(() => undefined);
  });
  for (const kind of ['ask', 'reject'] as const) {
    app.action<BlockAction<ButtonAction>>(REQUEST_CARD[kind], async ({ ack, body, action, client }) => {
      await ack();
      await client.views.open({ trigger_id: body.trigger_id, view: renderRequestTextModal(kind, action.value ?? '') }).catch((err: unknown) => deps.logger.warn({ err: errorText(err) }, 'could not open the request modal'));
    });
    app.view(kind === 'ask' ? REQUEST_CARD.askModal : REQUEST_CARD.rejectModal, async ({ ack, body, view }) => {
      const text = (view.state.values[REQUEST_CARD.textBlock]?.[REQUEST_CARD.textAction]?.value ?? '').trim();
      const answer = await deps.decide({ requestId: view.private_metadata, action: kind, by: slackUser(body.user.id, body.user.name), text }).catch((err: unknown) => ({ ok: false as const, message: `Not recorded (${errorText(err)}); submit again.` }));
      if (!answer.ok) await ack({ response_action: 'errors', errors: { [REQUEST_CARD.textBlock]: answer.message } });
      else await ack();
    });
  }
}
