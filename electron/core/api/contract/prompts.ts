// Runs in: main, preload, renderer (types only), CLI, tests. The `prompts` namespace: the
// questions an operation asks the user mid-way (an OTP nothing in the vault answers, a
// certificate to trust), and their answers.
import * as v from 'valibot';
import type { PromptEvent, Question } from '../../app/prompts.ts';
import { call, event } from '../spec.ts';
import { id, none } from './inputs.ts';

export const prompts = {
  /** Questions still waiting for an answer (for a window opened after they were asked). */
  pending: call<Question[]>()(none, 'background'),
  /** Answers a question: the typed code, true or false for a confirmation, null to decline. */
  answer: call<null>()(v.strictObject({ id, answer: v.nullable(v.union([v.pipe(v.string(), v.maxLength(64)), v.boolean()])) }), 'user'),
  /** A question is asked, or withdrawn because its operation ended. */
  onEvent: event<PromptEvent>(),
} as const;
