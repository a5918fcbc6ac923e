import type { AdaptiveCard } from '../cards/adaptive-card.ts';

/**
 * What the bot answers to an `adaptiveCard/action` invoke (the HTTP response of the turn):
 * a card that replaces the clicked one for the clicker, a short message Teams shows as a toast,
 * or an error. Teams waits at most a few seconds for it, so handlers only queue work.
 */
export type InvokeAnswer =
  | { status: 200; body: { statusCode: 200; type: 'application/vnd.microsoft.card.adaptive'; value: AdaptiveCard } }
  | { status: 200; body: { statusCode: 200; type: 'application/vnd.microsoft.activity.message'; value: string } }
  | { status: number; body: { statusCode: number; type: 'application/vnd.microsoft.error'; value: { code: string; message: string } } };

export const invokeAnswer = {
  card(card: AdaptiveCard): InvokeAnswer {
    return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } };
  },
  message(text: string): InvokeAnswer {
    return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text } };
  },
  /** 400: the invoke is malformed or names what the bot does not know; nothing was done. */
  badRequest(code: string, message: string): InvokeAnswer {
    return { status: 400, body: { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code, message } } };
  },
  /** 500: the bot could not record the action; the person should try again. */
  failed(code: string, message: string): InvokeAnswer {
    return { status: 500, body: { statusCode: 500, type: 'application/vnd.microsoft.error', value: { code, message } } };
  },
};
