import type {
  AbilityKind,
  CallTypeKind,
  DeviceKind,
  DirectModeKind,
  GatewayErrorKind,
  MediaKind,
  ReasonKind,
} from '../gateway/codes';
import type { CallPhase } from '../gateway/model';

/** Which way a call goes, derived from its call type (see `directionOf`). */
export type CallDirection = 'incoming' | 'outgoing' | 'internal' | 'consultation' | 'conference' | 'unknown';

/**
 * Every key of the message catalogue. The code-table keys are built from the gateway's kinds,
 * so a kind added in `src/gateway/codes.ts` without words in every locale fails the build.
 *
 * Placeholders are written `{name}` and filled by `t(key, { name })`.
 */
export type MessageKey =
  | `callType.${CallTypeKind}`
  | `media.${MediaKind}`
  | `ability.${AbilityKind}`
  | `device.${DeviceKind}`
  | `directMode.${DirectModeKind}`
  | `reason.${ReasonKind}`
  | `error.${GatewayErrorKind}`
  /** The error state's headline, one per kind (the session kinds have states of their own). */
  | `headline.${Exclude<GatewayErrorKind, 'not-signed-in' | 'auth-expired'>}`
  /** The status band's words for the call's phase; the `Chat` ones for text media. */
  | `phase.${CallPhase}`
  | 'phase.ringingChat'
  | 'phase.talkingChat'
  /** The media as a noun inside an announcement ("video call"); `unknown` when not reported. */
  | `mediaNoun.${MediaKind | 'unknown'}`
  /** A new call; placeholders `{media}`, `{party}`, `{skill}`. */
  | `announce.call.${CallDirection}`
  /** A call ended; placeholder `{party}`. */
  | 'announce.ended'
  /** The call went on hold, came back, or the session expired under it; placeholder `{party}`. */
  | 'announce.held'
  | 'announce.resumed'
  | 'announce.sessionExpired'
  /** A code not in our tables; placeholder `{code}`. */
  | 'unknownCode'
  | 'value.none'
  | 'value.notReported'
  | 'panel.title'
  | 'status.loading'
  | 'status.noCall'
  | 'status.live'
  | 'status.lastCall'
  | 'status.signedOut'
  | 'status.signedOutHint'
  | 'status.authExpired'
  | 'status.authExpiredHint'
  | 'status.error'
  /** Development builds only: the heading of a malformed answer's issues. */
  | 'status.errorIssues'
  | 'status.stale'
  /** Placeholder `{time}`. */
  | 'status.lastUpdated'
  /** The countdown to the next automatic retry; placeholder `{seconds}`. */
  | 'status.retryingIn'
  /** The hold timer's tooltip: it counts from the poll that first saw the hold. */
  | 'status.holdSince'
  | 'action.retry'
  | 'action.reauthenticate'
  /** The signed-out state's action, when the host gives `onReauthenticate`. */
  | 'action.signIn'
  | 'label.caller'
  | 'label.called'
  | 'label.originalCalled'
  | 'label.skill'
  /** Placeholder `{id}`. */
  | 'label.skillId'
  | 'label.callId'
  | 'label.priority'
  | 'label.trunk'
  | 'label.vdn'
  | 'label.beginTime'
  | 'label.waitTime'
  | 'label.duration'
  | 'trace.title'
  | 'trace.wait'
  | 'trace.answer'
  | 'trace.talk'
  /** A chat's ringing and talk steps, and a held period's. */
  | 'trace.answerChat'
  | 'trace.talkChat'
  | 'trace.hold'
  | 'trace.notReached'
  /** Placeholders `{start}`, `{end}`. */
  | 'trace.span'
  /** Placeholder `{start}`. */
  | 'trace.since'
  | 'trace.device'
  /** Placeholders `{type}`, `{no}`. */
  | 'trace.deviceValue'
  | 'trace.directMode'
  | 'trace.enterReason'
  | 'trace.leaveReason'
  /** The summary of the disclosure holding a reason's text as the gateway sent it. */
  | 'trace.gatewayTextShow'
  | 'trace.none'
  /** Accessible names of the copy buttons; placeholder `{value}`. */
  | 'copy.caller'
  | 'copy.called'
  | 'copy.originalCalled'
  | 'copy.callId'
  | 'copy.done'
  | 'copy.failed'
  | 'callData.title'
  /** The expand button of a key/value list; placeholder `{count}`: how many entries there are. */
  | 'callData.expand'
  /** The expand button of long text. */
  | 'callData.expandText'
  | 'callData.collapse'
  | 'callData.empty'
  /** Call data longer than 64 KB: only its start is shown. */
  | 'callData.cut'
  /** A positional value beyond the named fields; placeholder `{position}` (1-based). */
  | 'callData.field'
  /** Said after a call data link that opens in a new tab. */
  | 'callData.newTab'
  /** The accessible name of the strip of the agent's calls. */
  | 'calls.label';

/** A complete catalogue: one string per key. Locales declare theirs with `satisfies Messages`. */
export type Messages = Record<MessageKey, string>;

/** Values for a message's `{placeholders}`. */
export type MessageValues = Readonly<Record<string, string | number>>;
