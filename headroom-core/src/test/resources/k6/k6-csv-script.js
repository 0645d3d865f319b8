import http from 'k6/http';
import { check, group, sleep } from 'k6';

export const options = {
  scenarios: {
    ramp: {
      executor: 'ramping-vus',
      startVUs: 1,
      stages: [
        { duration: '4s', target: 8 },
        { duration: '4s', target: 8 },
        { duration: '2s', target: 0 },
      ],
      gracefulRampDown: '1s',
    },
  },
  thresholds: {
    http_req_duration: ['p(95)<50'],
    http_req_failed: ['rate<0.05'],
  },
  summaryTrendStats: ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)', 'count'],
};

const BASE = 'http://127.0.0.1:18093';

export default function () {
  group('browse', function () {
    const r = http.get(`${BASE}/api/items?id=${__ITER % 50}`, { tags: { name: 'items' } });
    check(r, { 'items status 200': (res) => res.status === 200 });
  });
  const r2 = http.get(`${BASE}/api/slow`, { tags: { name: 'slow' } });
  check(r2, { 'slow status 200': (res) => res.status === 200 });
  if (__ITER % 10 === 9) {
    http.get(`${BASE}/api/error`, { tags: { name: 'error' } });
  }
  sleep(0.3);
}

