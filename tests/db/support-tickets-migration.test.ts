import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@/lib/db/data-source';
import { migrate } from '@/lib/db/migrate';
import { MIGRATIONS } from '@/migrations';
import { cancelService } from '@/operations/quotes/cancel-service';
import { confirmQuote } from '@/operations/quotes/confirm-quote';
import { withdrawCancellation } from '@/operations/quotes/withdraw-cancellation';
import { useTestDatabase } from '../support/database';
import { newAccount, newService } from '../support/fixtures';

const database = useTestDatabase();
/** SupportTickets and every migration after it, by name. */
const FROM_SUPPORT_TICKETS = MIGRATIONS.map((migration) => migration.name).slice(MIGRATIONS.findIndex((migration) => migration.name === 'SupportTickets1796672457969'));

describe('the migration to support tickets', () => {
  it('turns the confirmed cancellations made before it into tickets of the queue, and leaves withdrawn ones out', async () => {
    process.env.PORTAL_TODAY = '2026-07-02';
    const dataSource = await new DataSource(dataSourceOptions(database.url())).initialize();
    try {
      const { account, actor } = await newAccount(dataSource);
      const cancel = async (domain: string) => {
        const service = await newService(dataSource, account, { productCode: 'PERSONAL15', domain, termStartsOn: '2026-01-01', expiresOn: '2027-03-01' });
        await confirmQuote(dataSource, actor, { quoteId: (await cancelService(dataSource, actor, { serviceId: service.id, reason: 'TOO_EXPENSIVE' })).id });
        return service.id;
      };
      const kept = await cancel('resta.it');
      await withdrawCancellation(dataSource, actor, await cancel('ripensato.it'));
      for (let i = 0; i < FROM_SUPPORT_TICKETS.length; i += 1) await dataSource.undoLastMigration({ transaction: 'each' });

      expect(await migrate(database.url())).toEqual(FROM_SUPPORT_TICKETS);

      const tickets = await dataSource.query(`SELECT t.account_id, t.subject, t.department, t.status, t.kind, t.service_id, t.opened_by_user_id, m.channel, m.body
        FROM tickets t JOIN ticket_messages m ON m.ticket_id = t.id`);
      expect(tickets).toEqual([{
        account_id: account.id, subject: 'Disdetta: PERSONAL15 resta.it', department: 'TECHNICAL', status: 'OPEN', kind: 'CANCELLATION', service_id: kept,
        opened_by_user_id: actor.userId, channel: 'SYSTEM', body: 'Disdetta confermata, efficace dal 01/03/2027. Motivo: TOO_EXPENSIVE',
      }]);
    } finally {
      delete process.env.PORTAL_TODAY;
      await dataSource.destroy();
    }
  });
});
