/**
 * What the coaching commands plug into the coaching modal for session logs (see
 * `coach-log-views.ts` for what is shown): the open threads to review when a new session
 * starts, how the choices are applied, and how the log of a finished session is written.
 *
 * As in `career coach` (crates/cli/src/commands/coach.rs, `review_threads` and `finish`): each
 * thread is marked in its log (`[x]` resolved, `[>]` carried, `[-]` dropped) and the carried
 * ones go into the new session's `carried`, saved with it, so its log repeats them with
 * `[carried:: N]`; the log of a finished session gets the closing answers, the Career Index
 * as its output when the session wrote to it, and its row in the Session Logs tables; then
 * the saved session is forgotten.
 */

import type { CoachSession, Thread } from "../core/wasm";
import type { Closing, ThreadReview } from "./coach-log-views";
import { wroteIndex } from "./coach-log-views";
import type { CareerCoachHost } from "./host";
import { notify, notifyFailure } from "./notices";
import { disposeOpenThread, listOpenThreads, openNote, writeSessionLog } from "./session-logs";

/**
 * The open threads a new session starts with; none (after a notice) when the logs cannot be
 * read, so that a broken log never keeps anyone from coaching.
 */
export async function threadsForNewSession(plugin: CareerCoachHost): Promise<Thread[]> {
	try {
		return await listOpenThreads(plugin);
	} catch (thrown) {
		notifyFailure("Could not read the open threads of earlier sessions", thrown);
		return [];
	}
}

/**
 * The review of `threads` for the new `session`. `start` saves the session with the carried
 * threads (`carried` set, as the core's session has it) and hands it to the running engine.
 */
export function threadReview(plugin: CareerCoachHost, threads: readonly Thread[], session: CoachSession, start: (session: CoachSession) => Promise<void>): ThreadReview {
	return {
		threads,
		apply: async (choices) => {
			const carried: Thread[] = [];
			const failed: string[] = [];
			for (const { thread, disposition } of choices) {
				try {
					await disposeOpenThread(plugin.app, thread, disposition);
					if (disposition === "carry") {
						carried.push(thread);
					}
				} catch (thrown) {
					console.error("Career Coach:", `Could not mark "${thread.text}" in ${thread.note}`, thrown);
					failed.push(thrown instanceof Error ? thrown.message : String(thrown));
				}
			}
			if (failed.length > 0) {
				const what = failed.length === 1 ? "A thread" : `${String(failed.length)} threads`;
				notify(`${what} could not be changed and stayed open in its log: ${failed.join(" ")}`);
			}
			await start(withCarried(session, carried));
		},
		cancel: () => {
			notify("The coaching session was not started; the open threads were left as they were.");
		},
	};
}

/**
 * `session` with `carried` added to the threads it already carries (taken over from a
 * replaced unfinished session, whose logs already mark them `[>]`).
 */
function withCarried(session: CoachSession, carried: Thread[]): CoachSession {
	return { ...session, carried: [...session.carried, ...carried] };
}

/** How a finished session's log is written; `forget` clears the saved session. */
export function sessionClosing(plugin: CareerCoachHost, forget: () => Promise<void>): Closing {
	return {
		write: async (session, answers) => {
			const log = await writeSessionLog(plugin, {
				session,
				focus: answers.focus,
				wroteIndex: wroteIndex(session),
				threads: answers.threads,
				worked: answers.worked,
				improve: answers.improve,
			});
			try {
				await forget();
			} catch (thrown) {
				notifyFailure(`Wrote ${log.name}, but the finished session could not be cleared`, thrown);
			}
			return log;
		},
		open: (log) => openNote(plugin.app, log.file),
	};
}
