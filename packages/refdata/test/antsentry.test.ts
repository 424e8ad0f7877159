import { between, exampleSuite } from './helpers/example-suite.js';

await exampleSuite('antsentry', (c, n) => {
  between(c['antsentry_pg.users'], n, n);
  between(c['antsentry_pg.pools'], n, 3 * n);
  between(c['antsentry_pg.miners'], n, 60 * n);
  between(c['antsentry_pg.electricity_fees'], n, 2 * n);
  between(c['antsentry_pg.alert_subscriptions'], n, 4 * n);
  between(c['antsentry_pg.login_logs'], 5 * n, 60 * n);
  between(c['antsentry_redis.session:{id}'], 0, 2 * n);
});
