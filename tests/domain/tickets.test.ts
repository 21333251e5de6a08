import { lastReopeningDay, mayReopen, replyAboveQuote, statusAfterReply } from '@/domain/tickets';

/** docs/product-rules.md, Support. */
describe('a ticket status after a reply', () => {
  it.each([
    ['OPEN', 'SUPPORT', 'ANSWERED'], ['CUSTOMER_REPLIED', 'SUPPORT', 'ANSWERED'], ['CLOSED', 'SUPPORT', 'ANSWERED'],
    ['OPEN', 'CUSTOMER', 'OPEN'], ['ANSWERED', 'CUSTOMER', 'CUSTOMER_REPLIED'], ['CLOSED', 'CUSTOMER', 'CUSTOMER_REPLIED'],
  ] as const)('%s, replied by %s, is %s', (status, side, after) => {
    expect(statusAfterReply(status, side)).toBe(after);
  });

  it('a closed ticket is reopened by the customer through the 14th day after the closing day in Rome, by support any time', () => {
    const closedAt = new Date('2026-03-31T22:30:00Z'); // 1 April, 00:30 in Rome
    expect(lastReopeningDay(closedAt)).toBe('2026-04-15');
    expect(mayReopen('CUSTOMER', closedAt, '2026-04-15')).toBe(true);
    expect(mayReopen('CUSTOMER', closedAt, '2026-04-16')).toBe(false);
    expect(mayReopen('SUPPORT', closedAt, '2027-01-01')).toBe(true);
  });
});

describe('the reply above the quote', () => {
  it.each([
    ['Grazie, ora va.\n\nIl giorno lun 7 dic 2026 alle 10:00 Supporto <s@x.it> ha scritto:\n> Abbiamo riavviato.', 'Grazie, ora va.'],
    ['Thanks!\r\n\r\nOn Mon, Dec 7, 2026 at 10:00 AM Support <s@x.it> wrote:\r\n> Restarted.', 'Thanks!'],
    ['Sì\n\nOn Mon, Dec 7, 2026 at 10:00 AM Support\n<s@x.it> wrote:\n> Restarted.', 'Sì'],
    ['Va bene\n-- \nMario Rossi\nTel. 06 123', 'Va bene'],
    ['Ok\n\n-----Original Message-----\nFrom: Support', 'Ok'],
    ['Ok\n________________________________\nDa: Supporto\nInviato: lunedì', 'Ok'],
    ['> only a quote', ''],
    ['Nessuna citazione\nsu due righe', 'Nessuna citazione\nsu due righe'],
  ])('%j is %j', (text, reply) => {
    expect(replyAboveQuote(text)).toBe(reply);
  });
});
