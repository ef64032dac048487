// Renders the full panel with a complete trace, then the same fields as a plain <dl>, mounting
// and unmounting each many times, and reports the ratio of their times. A ratio, because
// absolute times on a shared machine are noise.
import type { ReactElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import '../../src/styles.css';
import { CallInfoView } from '../../src/components/CallInfoView/CallInfoView';
import type { CallInfo } from '../../src/gateway/model';
import { voiceLiveCall } from '../../test/fixtures/callInfos';

function PlainList({ call }: { call: CallInfo }) {
  const t = call.trace;
  const rows: Array<[string, string]> = [
    ['Caller', call.caller], ['Called', call.called], ['Original', call.originalCalled ?? ''],
    ['Skill', `${call.skill.name} ${call.skill.id}`], ['Media', call.media?.kind ?? ''],
    ['Type', call.callType?.kind ?? ''], ['Call ID', call.callId], ['Priority', String(call.priority)],
    ['Trunk', String(call.trunkNo)], ['VDN', String(call.vdnId)], ['Begin', String(call.beginTime)],
    ['Wait', String(call.waitSeconds)], ['Queue', `${t?.wait.begin} ${t?.wait.end}`],
    ['Ringing', `${t?.answer.begin} ${t?.answer.end}`], ['Talk', `${t?.talk.begin} ${t?.talk.end}`],
    ['Device', `${t?.device.type?.kind} ${t?.device.no}`], ['Left', t?.directMode?.kind ?? ''],
    ['Entered because', t?.enterReason?.kind ?? ''], ['Left because', t?.leaveReason?.kind ?? ''],
    ['Call data', call.callData],
  ];
  return (
    <dl>
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function time(render: () => ReactElement, rounds: number): number {
  const host = document.getElementById('root')!;
  const start = performance.now();
  for (let i = 0; i < rounds; i += 1) {
    const root = createRoot(host);
    flushSync(() => root.render(render()));
    host.getBoundingClientRect(); // include layout
    root.unmount();
  }
  return performance.now() - start;
}

declare global {
  interface Window {
    measureRenderCost: (rounds: number) => { panelMs: number; plainMs: number; ratio: number };
  }
}

window.measureRenderCost = (rounds) => {
  const panel = () => <CallInfoView callInfo={voiceLiveCall} status="live" />;
  const plain = () => <PlainList call={voiceLiveCall} />;
  time(panel, 20); // warm up both
  time(plain, 20);
  let panelMs = 0;
  let plainMs = 0;
  for (let i = 0; i < 5; i += 1) {
    // interleaved, so a slow moment of the machine hits both
    panelMs += time(panel, rounds / 5);
    plainMs += time(plain, rounds / 5);
  }
  return { panelMs, plainMs, ratio: panelMs / plainMs };
};
