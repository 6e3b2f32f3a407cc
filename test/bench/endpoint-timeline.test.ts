import { endpointTimeline, formatTimeline, type TimelineCall } from '../../bench/endpoint-timeline';

describe('endpoint timeline', () => {
  it("counts accepted calls per second, lists the 429s, and shows when the longest desk's chain ended against the others", () => {
    const start = 1_000_000;
    const calls: TimelineCall[] = [
      [start + 100, 200, '1'],
      [start + 900, 200, '2'],
      [start + 950, 429, '1'],
      [start + 1_950, 200, '1'],
      [start + 2_100, 200, '2'],
      [start + 3_500, 200, '1'],
    ];
    const timeline = endpointTimeline('GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/customer', calls, start);
    expect(timeline.acceptedPerSecond).toEqual([2, 1, 1, 1]);
    expect(timeline.refusedAtS).toEqual([0.95]);
    expect(timeline.chains).toEqual([
      { desk: '1', calls: 4, startS: 0.1, endS: 3.5 },
      { desk: '2', calls: 2, startS: 0.9, endS: 2.1 },
    ]);
    expect(formatTimeline('25 desks', timeline)[3]).toBe('  longest chain: desk 1, 4 calls, 0.1 s to 3.5 s; the last of the others to end: desk 2, 2 calls, 0.9 s to 2.1 s');
  });
});
