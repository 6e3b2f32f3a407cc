import { BlockedTime, RateGate, type RateGateTuning } from './rate-gate';

const TUNING: RateGateTuning = { windowMs: 1000, paceShare: 0.9, minCallsToLearn: 5, increaseEveryMs: 10_000, failedPaceHoldMs: 60_000 };

describe('RateGate', () => {
  it('lets everything through until a 429, then closes for everyone until the server reopens it', () => {
    const gate = new RateGate(TUNING);
    for (let i = 0; i < 3; i++) expect(gate.tryAdmit(1000 + i)).toBe(0);
    expect(gate.refused(1010, 2000)).toBe(3010);
    expect(gate.tryAdmit(1500)).toBe(1510);
    expect(gate.tryAdmit(3009)).toBe(1);
    expect(gate.tryAdmit(3010)).toBe(0);
  });

  it('never reopens earlier than an existing closure', () => {
    const gate = new RateGate(TUNING);
    gate.refused(0, 5000);
    expect(gate.refused(100, 1000)).toBe(5000);
  });

  it('paces under the rate Jira accepted before refusing', () => {
    const gate = new RateGate(TUNING);
    // 50 calls accepted within one second, then a 429
    for (let i = 0; i < 50; i++) {
      expect(gate.tryAdmit(i * 10)).toBe(0);
      gate.accept(i * 10, i * 10 + 5);
    }
    gate.refused(500, 1000);
    expect(gate.pacedLimit).toBe(45);
    // after reopening, 45 calls go in the same instant and the 46th waits for the window
    let admitted = 0;
    while (gate.tryAdmit(1500) === 0) admitted += 1;
    expect(admitted).toBe(45);
    expect(gate.tryAdmit(1500)).toBe(1000);
    expect(gate.tryAdmit(2500)).toBe(0);
  });

  it('does not learn a rate from a 429 that came after a handful of calls (a quota, a fault)', () => {
    const gate = new RateGate(TUNING);
    gate.tryAdmit(0);
    gate.accept(0, 10);
    gate.refused(20, 500);
    expect(gate.pacedLimit).toBeUndefined();
  });

  it('learns nothing from calls all sent at one instant (a clock that stands still)', () => {
    const gate = new RateGate(TUNING);
    for (let i = 0; i < 50; i++) {
      gate.tryAdmit(0);
      gate.accept(0, 0);
    }
    gate.refused(0, 1000);
    expect(gate.pacedLimit).toBeUndefined();
  });

  it('creeps back up by one call per window after each quiet spell', () => {
    const gate = new RateGate(TUNING);
    for (let i = 0; i < 20; i++) {
      gate.tryAdmit(i * 10);
      gate.accept(i * 10, i * 10 + 1);
    }
    gate.refused(200, 1000);
    expect(gate.pacedLimit).toBe(18);
    gate.tryAdmit(200 + 9_999);
    expect(gate.pacedLimit).toBe(18);
    gate.tryAdmit(200 + 30_000);
    expect(gate.pacedLimit).toBe(21);
  });
});

/** A call asks every 10 ms (100 a second, just over the paces here) from `from` to `to`; each admitted is accepted 40 ms later. Returns the last send time. */
function paceThrough(gate: RateGate, from: number, to: number): number {
  let last = from;
  for (let t = from; t < to; t += 10) {
    if (gate.tryAdmit(t) !== 0) continue;
    gate.accept(t, t + 40);
    last = t;
  }
  return last;
}

describe('RateGate learning from 429s while it paces', () => {
  const tuning: RateGateTuning = { windowMs: 1000, paceShare: 0.95, minCallsToLearn: 5, increaseEveryMs: 10_000, failedPaceHoldMs: 60_000 };

  /** A gate that met a burst limit of 100 once: 100 calls in 0.7 s, the 101st refused. */
  function gateThatMetTheLimit(): RateGate {
    const gate = new RateGate(tuning);
    for (let i = 0; i < 100; i++) {
      gate.tryAdmit(i * 7);
      gate.accept(i * 7, i * 7 + 40);
    }
    gate.tryAdmit(700);
    gate.refused(740, 1000, 700);
    return gate;
  }

  it('learns once from the 429s of calls already on their way when the first came back', () => {
    const gate = gateThatMetTheLimit();
    expect(gate.pacedLimit).toBe(95);
    const last = paceThrough(gate, 1_740, 21_740);
    gate.refused(last + 40, 1000, last);
    const learned = gate.pacedLimit;
    // Calls sent before that 429 came back are refused in turn, each a little later: the same meeting with the limit.
    for (const [sentAt, back] of [[last + 5, last + 60], [last + 15, last + 75], [last + 30, last + 90]] as const) gate.refused(back, 1000, sentAt);
    expect(gate.pacedLimit).toBe(learned);
  });

  it('counts every call Jira took before the refusal, also those still on their way when its 429 came back', () => {
    const gate = new RateGate(tuning);
    for (let i = 0; i < 100; i++) gate.tryAdmit(i * 7);
    // A slow call sent at 680 is the one refused; its 429 comes back at 720, before the calls
    // sent at 686 and 693 (after it, yet accepted: they reached Jira first) are answered.
    gate.tryAdmit(680);
    for (let i = 0; i <= 97; i++) gate.accept(i * 7, i * 7 + 40);
    gate.refused(720, 1000, 680);
    expect(gate.pacedLimit).toBe(93);
    gate.accept(686, 726);
    gate.accept(693, 733);
    // Jira took all 100: when the gate reopens the pace is 95 % of 100.
    expect(gate.tryAdmit(1_720)).toBe(0);
    expect(gate.pacedLimit).toBe(95);
  });

  it('after a 429 met at its own pace, steps back one call and does not try that pace again for a while', () => {
    const gate = gateThatMetTheLimit();
    // 20 quiet seconds at the learned pace: it grows to 97.
    const last = paceThrough(gate, 1_740, 21_740);
    expect(gate.pacedLimit).toBe(97);
    // Jira refuses the last call sent at that pace (the client filled it: 97 calls in the second before).
    gate.refused(last + 40, 1000, last);
    // Not 95 % of what got through (92), nor lower with each 429 in flight: one call less.
    expect(gate.pacedLimit).toBe(96);
    // Quiet for 50 s: still 96, the failed 97 is not tried again within the minute…
    paceThrough(gate, last + 1_040, last + 51_040);
    expect(gate.pacedLimit).toBe(96);
    // …and after it, growth resumes.
    paceThrough(gate, last + 51_040, last + 71_040);
    expect(gate.pacedLimit).toBeGreaterThanOrEqual(97);
  });

  it('when others take the endpoint too (far fewer calls got through than its pace), falls to 95 % of what Jira took', () => {
    const gate = gateThatMetTheLimit();
    // The client now sends only 50 calls a second (its pace is 95): someone else fills the limit.
    for (let i = 0; i < 50; i++) {
      gate.tryAdmit(5_000 + i * 20);
      gate.accept(5_000 + i * 20, 5_000 + i * 20 + 40);
    }
    gate.refused(6_030, 1000, 5_990);
    expect(gate.pacedLimit).toBe(47);
  });
});

describe('BlockedTime', () => {
  it('counts overlapping waits once: the union of the intervals', () => {
    const blocked = new BlockedTime();
    blocked.add(0, 1000);
    blocked.add(10, 1000);
    blocked.add(500, 1500);
    expect(blocked.ms).toBe(1500);
    expect(blocked.extra(1200, 1400)).toBe(0);
    expect(blocked.extra(2000, 2500)).toBe(500);
    blocked.add(2000, 2500);
    expect(blocked.ms).toBe(2000);
  });
});

describe('priority while paced', () => {
  it('lets the waiter of the longest chain take a free place before the others', () => {
    const gate = new RateGate({ windowMs: 1000, paceShare: 1, minCallsToLearn: 5, increaseEveryMs: 60_000, failedPaceHoldMs: 60_000 });
    for (let t = 0; t < 10; t += 1) {
      expect(gate.tryAdmit(t * 100)).toBe(0);
      gate.accept(t * 100, t * 100 + 1);
    }
    gate.refused(1_000, 0);
    expect(gate.pacedLimit).toBe(9);
    const short = gate.wait(1);
    const long = gate.wait(40);
    // Places are free at 1,100 (calls sent at 0 and 100 left the window): the long chain's page takes one first.
    expect(gate.tryAdmit(1_100, short)).toBeGreaterThan(0);
    expect(gate.tryAdmit(1_100, long)).toBe(0);
    gate.done(long);
    expect(gate.tryAdmit(1_200, short)).toBe(0);
    gate.done(short);
  });
});
