import { between, exampleSuite } from './helpers/example-suite.js';

await exampleSuite('camera-app', (c, n) => {
  const devices = c['camera_pg.devices'] ?? 0;
  const alarms = c['camera_pg.alarm_events'] ?? 0;
  const calls = c['camera_pg.intercom_sessions'] ?? 0;
  between(c['camera_pg.accounts'], n, n);
  between(c['camera_pg.third_party_logins'], 0, 2 * n);
  between(devices, n, 3 * n);
  between(c['camera_pg.device_shares'], 0, devices);
  between(alarms, 20 * devices, 30 * devices);
  between(calls, 0, 6 * devices);
  between(c['camera_redis.push:{account_id}'], 0, n);
  between(c['camera_redis.session:{id}'], 0, 2 * n);
  between(c['camera_files.screenshots/{account_id}'], 0, alarms);
  between(c['camera_files.intercom/{account_id}'], 0, calls);
});
