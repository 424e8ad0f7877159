import { type Pledge, pledgeExpress } from '@pledge/sdk';
import express, { type Express } from 'express';

export function buildExpressApp(pledge: Pledge): Express {
  const app = express();
  app.use(
    pledgeExpress(pledge, {
      subject: (req) => req.get('x-user-id'),
      jurisdiction: (req) => (req.get('x-region') === 'CA' ? 'us-ca-ccpa' : 'eu-gdpr'),
    }),
  );
  app.get('/ads', (req, res) => {
    const decision = req.pledge?.decide('ads', ['browsing']);
    res.json({ targeted: decision?.allowed === true, reasons: decision?.reasons ?? [] });
  });
  return app;
}
