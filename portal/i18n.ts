import { cookies } from 'next/headers';
import type { ApiScope } from '@/domain/api-scopes';
import type { Locale } from '@/domain/money';
import { isUserErrorCode, userErrorMessage } from '@/domain/user-error-codes';

export const LOCALE_COOKIE = 'locale';

const it = {
  brand: 'Pannello Clienti',
  customerArea: 'Area clienti',
  home: { title: 'Hosting, domini e server', body: 'Dal Pannello Clienti gestisci servizi, scadenze, ordini e fatture: rinnovi, cambi servizio e disdette in pochi passaggi.' },
  nav: { dashboard: 'Riepilogo', schedule: 'Scadenziario', orders: 'Ordini', invoices: 'Fatture', billing: 'Dati di fatturazione', clients: 'Clienti', notifications: 'Notifiche', support: 'Assistenza', supportQueue: 'Coda assistenza', tokens: 'Token API', webhooks: 'Webhook', sessions: 'Sessioni', profile: 'Profilo', users: 'Utenti', logout: 'Esci', menu: 'Menu principale', backToPortal: 'Torna al Pannello Clienti' },
  language: { label: 'Lingua', switchTo: 'English' },
  login: {
    title: 'Accedi al Pannello Clienti', email: 'Email', password: 'Password', submit: 'Accedi', wrong: 'Email o password non corretti.',
    tooMany: 'Troppi tentativi di accesso: riprova tra 15 minuti.', forgot: 'Password dimenticata?',
    code: "Codice dell'app di autenticazione (o codice di recupero)", codeNeeded: "Inserisci il codice che mostra l'app di autenticazione.", wrongCode: 'Codice non valido.',
  },
  reset: {
    requestTitle: 'Reimposta la password', requestBody: "Inserisci l'email del tuo account: ti invieremo un link per scegliere una nuova password.",
    send: 'Invia il link', sent: "Se l'indirizzo corrisponde a un account, riceverai a breve un'email con il link.",
    title: 'Scegli una nuova password', newPassword: 'Nuova password (almeno 8 caratteri)', save: 'Salva la password',
    done: 'Password aggiornata: ora puoi accedere.',
  },
  dashboard: { title: 'Riepilogo', services: 'Servizi attivi', nextExpiries: 'Prossime scadenze', awaiting: 'Ordini in attesa di pagamento', none: 'Nessuno.', all: 'Vedi tutto' },
  schedule: {
    title: 'Scadenziario', domain: 'Dominio', service: 'Servizio', expiresOn: 'Scadenza', daysLeft: 'Giorni', status: 'Stato', renewal: 'Rinnovo',
    actions: 'Azioni', renew: 'Rinnova', cancel: 'Disdici', change: 'Cambia servizio', cancelled: 'Disdetto dal', withdraw: 'Annulla disdetta',
    empty: 'Nessun servizio.', expired: 'scaduto', soon: 'in scadenza', urgent: 'urgente',
  },
  status: { ACTIVE: 'Attivo', DEACTIVATED: 'Disattivato', AWAITING_PAYMENT: 'In attesa di pagamento', PAID: 'Pagato', FULFILLED: 'Evaso', CANCELLED: 'Annullato', PENDING: 'In corso', SUCCEEDED: 'Riuscito', FAILED: 'Non riuscito', REFUNDED: 'Rimborsato', CONFIRMED: 'Confermata', WITHDRAWN: 'Annullata', COMPLETED: 'Eseguita', SENT: 'Inviata', CAPTURED: 'Registrata' } as Record<string, string>,
  methods: { CARD: 'Carta di credito', BANK_TRANSFER: 'Bonifico bancario', POSTAL_SLIP: 'Bollettino postale' } as Record<string, string>,
  reasons: { TOO_EXPENSIVE: 'Troppo costoso', SWITCHING_PROVIDER: 'Passo a un altro fornitore', NO_LONGER_NEEDED: 'Non mi serve più', TECHNICAL_PROBLEMS: 'Problemi tecnici', OTHER: 'Altro' } as Record<string, string>,
  change: {
    title: 'Cambio servizio', current: 'Servizio attuale', chooseCategory: 'Scegli la categoria', chooseProduct: 'Scegli il nuovo servizio',
    perYear: 'all’anno', choose: 'Scegli', currentBadge: 'attuale', back: 'Torna alle categorie',
    features: { webSpaceGb: 'Spazio web (GB)', databases: 'Database', mailboxes: 'Caselle email', additionalDomains: 'Domini aggiuntivi', server: 'Server', pecMailboxes: 'Caselle PEC' } as Record<string, string>,
    yes: 'sì', no: 'no',
  },
  quote: {
    title: 'Preventivo', upgrade: 'Upgrade', downgrade: 'Downgrade', description: 'Descrizione', amount: 'Importo', net: 'Imponibile', vat: 'IVA 22%', total: 'Totale',
    newExpiry: 'Nuova scadenza', unchanged: 'invariata', freeDays: (n: number) => `${n} giorni in omaggio: il nuovo anno parte dalla scadenza attuale.`,
    lost: 'Verrà disattivato', supersedes: (code: string) => `Confermando, l'ordine non pagato ${code} verrà annullato.`,
    renewalDue: (price: string, date: string) => `Il rinnovo del nuovo servizio (${price} + IVA) sarà dovuto alla scadenza del ${date}.`,
    renewsAt: (price: string) => `Il servizio si rinnoverà a ${price} + IVA all'anno.`,
    validUntil: (time: string) => `Prezzo valido fino al ${time}.`, method: 'Metodo di pagamento', confirm: 'Conferma e paga',
  },
  cancel: {
    title: 'Disdetta del servizio', reason: 'Motivo della disdetta', details: 'Dettagli (obbligatori per «Altro»)', next: 'Continua',
    summary: 'Riepilogo della disdetta', effective: 'Il servizio verrà disattivato il', noRefund: 'Nessun addebito e nessun rimborso.', confirm: 'Conferma la disdetta',
    validUntil: (time: string) => `Riepilogo valido fino al ${time}.`,
    done: 'Disdetta confermata: riceverai una email di conferma.', withdrawn: 'Disdetta annullata: il servizio resterà attivo se rinnovato.',
  },
  renew: { title: 'Rinnovo del servizio', body: (price: string, until: string) => `Rinnovo per un anno a ${price} + IVA, fino al ${until}.`, confirm: 'Conferma il rinnovo' },
  orders: {
    title: 'Ordini', code: 'Codice HCS', date: 'Data', status: 'Stato', total: 'Totale', from: 'Dal', to: 'Al', search: 'Cerca', reset: 'Azzera', any: 'Tutti', none: 'Nessun ordine trovato.',
    more: 'Altri ordini', order: 'Ordine', lines: 'Righe', payments: 'Pagamenti', instructions: 'Istruzioni per il pagamento', beneficiary: 'Beneficiario',
    iban: 'IBAN', bank: 'Banca', postalAccount: 'Conto corrente postale', reference: 'Causale', failure: 'Pagamento non riuscito',
    invoice: 'Fattura', testMode: 'Pagamento di prova: nessun addebito reale', pay: 'Pagamento', payByCard: 'Paga con carta', retryCard: 'Riprova con la carta',
    preferCard: 'Preferisci pagare subito con la carta?', payOffline: 'Preferisci il bonifico o il bollettino postale?', showInstructions: 'Mostra le istruzioni',
    notPayable: 'Questo ordine non è più da pagare.', supersededBy: 'Questo ordine è stato annullato e sostituito dall’ordine',
  },
  card: {
    title: 'Pagamento con carta', number: 'Numero della carta', pay: 'Paga', testNotice: 'Modalità di prova: usa 4242 4242 4242 4242 (riuscito) o 4000 0000 0000 0002 (rifiutato). Nessun addebito reale.',
    paid: 'Pagamento riuscito: l’ordine è stato evaso e la fattura emessa.', stripeLoading: 'Caricamento del modulo di pagamento…',
  },
  invoices: {
    title: 'Fatture', year: 'Anno', number: 'Numero', date: 'Data', total: 'Totale', download: 'Scarica PDF', none: 'Nessuna fattura.', order: 'Ordine',
    kind: 'Documento', kinds: { INVOICE: 'Fattura', CREDIT_NOTE: 'Nota di credito' } as Record<string, string>, corrects: 'corregge la fattura',
    sdiStatus: 'Stato SdI', files: 'File', xml: 'XML', pdf: 'PDF (copia di cortesia)', downloadXml: 'Scarica XML',
    sdi: { TO_SEND: 'Da inviare', SENT: 'Inviata', DELIVERED: 'Consegnata', NOT_DELIVERABLE: 'Non recapitata', REJECTED: 'Scartata' } as Record<string, string>,
    courtesy: 'Il PDF è una copia di cortesia: il documento fiscale è il file XML trasmesso al Sistema di Interscambio (SdI).',
  },
  billing: {
    title: 'Dati di fatturazione', clientTitle: (name: string) => `Dati di fatturazione di ${name}`,
    intro: 'Le fatture elettroniche sono intestate a questi dati; le fatture già emesse restano come sono.',
    incomplete: (fields: string) => `Per pagare servono ancora: ${fields}. Completali e salva: tornerai al pagamento.`,
    form: {
      kind: 'Intestatario delle fatture', PERSON: 'Persona fisica (anche professionista con partita IVA)', COMPANY: 'Azienda o ente',
      person: 'Se persona fisica', company: 'Se azienda o ente',
      fields: {
        companyName: 'Ragione sociale', firstName: 'Nome', lastName: 'Cognome', country: 'Paese', address: 'Indirizzo (via e numero civico)',
        postalCode: 'CAP', city: 'Comune', province: 'Provincia (sigla)', fiscalCode: 'Codice fiscale', vatNumber: 'Partita IVA',
        sdiCode: 'Codice destinatario SdI', pec: 'PEC',
      } as Record<string, string>,
      hints: {
        postalCode: 'In Italia 5 cifre.', province: 'In Italia la sigla di 2 lettere, per esempio RM.', fiscalCode: '16 caratteri per una persona, 11 cifre per un\'azienda.',
        vatNumber: 'In Italia 11 cifre; nell\'UE con il prefisso del paese, per esempio DE123456789.', sdiCode: '7 caratteri, se ne avete uno; altrimenti la PEC.',
      } as Record<string, string>,
      save: 'Salva i dati',
    },
    saved: 'Dati di fatturazione salvati.', edit: 'Dati di fatturazione', fix: 'Correggi i campi segnalati.',
  },
  clients: {
    title: 'Clienti', search: 'Cerca un cliente (nome o email)', domains: 'Domini', services: 'Servizi', none: 'Nessun cliente.', open: 'Apri', more: 'Altri clienti',
    create: 'Nuovo cliente', name: 'Nome o ragione sociale', email: "Email del titolare (riceverà l'invito a scegliere la password)", save: 'Crea il cliente',
    created: "Cliente creato: abbiamo inviato l'invito al titolare.",
  },
  tokens: {
    title: 'Token API', name: 'Nome del token', create: 'Crea token', created: 'Copia il token ora: non verrà più mostrato.', prefix: 'Inizio', createdAt: 'Creato', lastUsed: 'Ultimo uso',
    revoke: 'Revoca', revoked: 'Revocato', never: 'mai', none: 'Nessun token.',
    scopes: 'Permessi', scopesHint: 'Nessuna casella scelta: accesso completo, come i token creati prima dei permessi. La scrittura comprende la lettura.',
    fullAccess: 'Accesso completo', client: 'Cliente', everyClient: 'Tutto il mio account e i miei clienti', expiresOn: 'Ultimo giorno di validità (facoltativo)',
    expiry: 'Scadenza', noExpiry: 'nessuna', expired: 'Scaduto',
    scopeNames: {
      'services:read': 'Servizi: lettura', 'services:write': 'Servizi: modifica', 'orders:read': 'Ordini e pagamenti: lettura', 'orders:write': 'Ordini e pagamenti: modifica',
      'invoices:read': 'Fatture e dati di fatturazione: lettura', 'invoices:write': 'Fatture e dati di fatturazione: modifica', 'clients:read': 'Clienti e utenti: lettura',
      'clients:write': 'Clienti e utenti: modifica', 'webhooks:read': 'Webhook: lettura', 'webhooks:write': 'Webhook: modifica',
      'support:read': 'Assistenza: lettura', 'support:write': 'Assistenza: richieste e risposte',
    } as Record<ApiScope, string>,
  },
  sessions: {
    title: 'Sessioni', intro: 'I dispositivi con cui hai effettuato l\'accesso. Termina una sessione che non riconosci: quel dispositivo dovrà accedere di nuovo.',
    device: 'Dispositivo', address: 'Indirizzo IP', createdAt: 'Accesso', lastSeen: 'Ultima attività', current: 'Questo dispositivo', end: 'Termina', endOthers: 'Termina tutte le altre sessioni',
  },
  profile: {
    title: 'Profilo', details: 'Dati personali', name: 'Nome', language: 'Lingua', accountLanguage: "Quella dell'account", save: 'Salva', saved: 'Profilo salvato.',
    password: 'Password', currentPassword: 'Password attuale', newPassword: 'Nuova password (almeno 8 caratteri)', changePassword: 'Cambia la password',
    passwordChanged: 'Password cambiata: le altre sessioni sono state terminate.',
    data: 'I tuoi dati', dataBody: 'Scarica in JSON tutto ciò che il pannello conserva su di te e sul tuo account.', download: 'Scarica i miei dati',
    email: 'Email', newEmail: 'Nuovo indirizzo email', changeEmail: 'Cambia email', emailSent: 'Ti abbiamo inviato un link al nuovo indirizzo: aprilo entro 24 ore per confermarlo.',
  },
  secondFactor: {
    title: 'Verifica in due passaggi', on: 'Attiva: per accedere servono la password e il codice dell\'app di autenticazione.', off: 'Non attiva: per accedere basta la password.',
    required: 'Per il back office la verifica in due passaggi è obbligatoria: attivala per continuare.', manage: 'Gestisci la verifica in due passaggi',
    start: 'Attiva la verifica in due passaggi', scan: "Inquadra il codice QR con l'app di autenticazione (Google Authenticator, Microsoft Authenticator, 1Password…), oppure inserisci la chiave:",
    qr: 'Codice QR da inquadrare con l\'app di autenticazione', key: 'Chiave', code: "Codice a 6 cifre mostrato dall'app", confirm: 'Conferma e attiva',
    recovery: 'Verifica attivata. Conserva questi codici di recupero in un posto sicuro: ognuno vale una volta, se non hai il telefono. Non verranno più mostrati.',
    continue: 'Continua', disable: 'Disattiva la verifica in due passaggi', currentPassword: 'Password attuale', disableCode: "Codice dell'app o codice di recupero",
  },
  users: {
    title: 'Utenti', intro: "Gli accessi dell'account e i loro ruoli. Titolare: tutto, e gestisce gli accessi; Amministrazione: ordini, pagamenti, fatture e dati di fatturazione; Tecnico: servizi e scadenze (cambio, disdetta, rinnovo senza pagare), niente fatture; Sola lettura: vede, non cambia nulla.",
    email: 'Email', name: 'Nome', role: 'Ruolo', change: 'Cambia ruolo', remove: 'Rimuovi', invite: 'Invita un utente', send: "Invia l'invito", invited: "Invito inviato: il link vale 7 giorni e una volta sola.",
    roles: { OWNER: 'Titolare', BILLING: 'Amministrazione', TECHNICAL: 'Tecnico', READ_ONLY: 'Sola lettura' },
  },
  invitation: { title: 'Accetta l\'invito', body: 'Scegli il tuo nome e una password per accedere al Pannello Clienti.', name: 'Nome', password: 'Password (almeno 8 caratteri)', accept: 'Accetta e crea l\'accesso', done: 'Accesso creato.' },
  confirmEmail: { title: 'Conferma il nuovo indirizzo email', body: 'Conferma per usare il nuovo indirizzo email per accedere e ricevere le comunicazioni.', confirm: 'Conferma', done: 'Indirizzo email cambiato.' },
  notifications: { title: 'Notifiche', subject: 'Oggetto', date: 'Data', status: 'Stato', none: 'Nessuna notifica.' },
  tickets: {
    title: 'Assistenza', queueTitle: 'Coda assistenza', intro: "Le tue richieste all'assistenza tecnica, amministrativa e commerciale.", newTicket: 'Nuova richiesta',
    subject: 'Oggetto', department: 'Reparto', priority: 'Priorità', status: 'Stato', account: 'Cliente', lastActivity: 'Ultima attività', age: 'Senza attività da almeno (giorni)',
    assignedToMe: 'Solo assegnate a me', any: 'Tutti', filter: 'Filtra', reset: 'Azzera', none: 'Nessuna richiesta.', more: 'Altre richieste',
    service: 'Servizio (facoltativo)', order: 'Ordine (facoltativo)', noneSelected: 'Nessuno', message: 'Messaggio', files: 'Allegati (fino a 5 file da 5 MB: PDF, immagini, testo)',
    send: 'Invia la richiesta', reply: 'Rispondi', sendReply: 'Invia la risposta', note: 'Nota interna (solo assistenza)', sendNote: 'Aggiungi la nota',
    close: 'Chiudi la richiesta', reopen: 'Riapri la richiesta', assignMe: 'Assegna a me', assigned: 'Assegnata a te', thread: 'Messaggi', support: 'Assistenza', internal: 'Nota interna',
    viaEmail: 'via email', closedHint: 'La richiesta è chiusa: rispondendo entro 14 giorni la riapri; dopo, aprine una nuova.', uploadFailed: 'Un allegato non è stato accettato.',
    statuses: { OPEN: 'Aperta', ANSWERED: 'Risposta', CUSTOMER_REPLIED: 'Risposta del cliente', CLOSED: 'Chiusa' } as Record<string, string>,
    departments: { TECHNICAL: 'Tecnico', BILLING: 'Amministrazione', SALES: 'Commerciale' } as Record<string, string>,
    priorities: { LOW: 'Bassa', NORMAL: 'Normale', HIGH: 'Alta', URGENT: 'Urgente' } as Record<string, string>,
    kinds: { REQUEST: 'Richiesta', CANCELLATION: 'Disdetta' } as Record<string, string>,
  },
  webhooks: {
    title: 'Webhook', intro: "Il pannello invia a questi indirizzi una richiesta firmata (Standard Webhooks) per ogni evento scelto dell'account e, per un rivenditore, dei suoi clienti.",
    url: 'Indirizzo (https)', events: 'Eventi', create: 'Aggiungi endpoint', created: 'Copia il segreto di firma ora: non verrà più mostrato.', createdAt: 'Creato',
    rotate: 'Nuovo segreto', rotated: 'Nuovo segreto di firma: copialo ora. Il precedente resta valido per 24 ore.', delete: 'Elimina', deliveries: 'Consegne', none: 'Nessun endpoint.',
    deliveriesOf: 'Consegne a', noDeliveries: 'Nessuna consegna.', event: 'Evento', status: 'Stato', attempts: 'Tentativi', lastAnswer: 'Ultima risposta', duration: 'Durata', excerpt: 'Risposta', redeliver: 'Invia di nuovo', redelivered: 'Consegna rimessa in coda.',
    statuses: { PENDING: 'In attesa', DELIVERED: 'Consegnata', FAILED: 'Non consegnata' } as Record<string, string>,
    names: {
      'service.expiring': 'Servizio in scadenza', 'service.deactivated': 'Servizio disattivato', 'service.changed': 'Servizio modificato o rinnovato', 'order.created': 'Ordine creato',
      'order.paid': 'Ordine pagato', 'invoice.issued': 'Fattura emessa', 'cancellation.confirmed': 'Disdetta confermata', 'cancellation.withdrawn': 'Disdetta annullata',
    } as Record<string, string>,
  },
  calendarFeed: {
    linkHint: 'le scadenze nel tuo calendario (Google, Outlook, Apple), con un promemoria.', noAccount: "Il calendario delle scadenze è di un account: l'amministrazione non ne ha uno.",
    title: 'Calendario delle scadenze', intro: "Aggiungi questo indirizzo a Google Calendar, Outlook o Calendario di Apple (\u00abiscriviti da URL\u00bb): ogni scadenza vi compare con un promemoria 7 giorni prima. Chi ha l'indirizzo vede le scadenze: tienilo riservato.",
    own: "Scadenze dell'account", withClients: 'Scadenze con quelle dei clienti', copy: 'Copia', copied: 'Copiato', regenerate: 'Rigenera gli indirizzi', regenerated: 'Nuovi indirizzi creati: quelli precedenti non funzionano più.',
  },
  errors: { generic: 'Qualcosa è andato storto: riprova.' },
};

type Dictionary = typeof it;

const en: Dictionary = {
  brand: 'Customer Panel',
  customerArea: 'Customer area',
  home: { title: 'Hosting, domains and servers', body: 'Manage your services, expiries, orders and invoices: renewals, service changes and cancellations in a few steps.' },
  nav: { dashboard: 'Overview', schedule: 'Expiry schedule', orders: 'Orders', invoices: 'Invoices', billing: 'Billing details', clients: 'Clients', notifications: 'Notifications', support: 'Support', supportQueue: 'Support queue', tokens: 'API tokens', webhooks: 'Webhooks', sessions: 'Sessions', profile: 'Profile', users: 'Users', logout: 'Sign out', menu: 'Main menu', backToPortal: 'Back to the Customer Panel' },
  language: { label: 'Language', switchTo: 'Italiano' },
  login: {
    title: 'Sign in to the Customer Panel', email: 'Email', password: 'Password', submit: 'Sign in', wrong: 'Wrong email or password.',
    tooMany: 'Too many sign-in attempts: try again in 15 minutes.', forgot: 'Forgot your password?',
    code: 'Code of your authenticator app (or a recovery code)', codeNeeded: 'Type the code your authenticator app shows.', wrongCode: 'The code is not valid.',
  },
  reset: {
    requestTitle: 'Reset your password', requestBody: "Enter your account's email: we will send you a link to choose a new password.",
    send: 'Send the link', sent: 'If the address matches an account, an email with the link is on its way.',
    title: 'Choose a new password', newPassword: 'New password (at least 8 characters)', save: 'Save the password',
    done: 'Password updated: you can sign in now.',
  },
  dashboard: { title: 'Overview', services: 'Active services', nextExpiries: 'Next expiries', awaiting: 'Orders awaiting payment', none: 'None.', all: 'See all' },
  schedule: {
    title: 'Expiry schedule', domain: 'Domain', service: 'Service', expiresOn: 'Expires', daysLeft: 'Days', status: 'Status', renewal: 'Renewal',
    actions: 'Actions', renew: 'Renew', cancel: 'Cancel', change: 'Change service', cancelled: 'Cancelled from', withdraw: 'Withdraw cancellation',
    empty: 'No services.', expired: 'expired', soon: 'expiring soon', urgent: 'urgent',
  },
  status: { ACTIVE: 'Active', DEACTIVATED: 'Deactivated', AWAITING_PAYMENT: 'Awaiting payment', PAID: 'Paid', FULFILLED: 'Fulfilled', CANCELLED: 'Cancelled', PENDING: 'Pending', SUCCEEDED: 'Succeeded', FAILED: 'Failed', REFUNDED: 'Refunded', CONFIRMED: 'Confirmed', WITHDRAWN: 'Withdrawn', COMPLETED: 'Completed', SENT: 'Sent', CAPTURED: 'Recorded' },
  methods: { CARD: 'Credit card', BANK_TRANSFER: 'Bank transfer', POSTAL_SLIP: 'Postal slip' },
  reasons: { TOO_EXPENSIVE: 'Too expensive', SWITCHING_PROVIDER: 'Switching provider', NO_LONGER_NEEDED: 'No longer needed', TECHNICAL_PROBLEMS: 'Technical problems', OTHER: 'Other' },
  change: {
    title: 'Change service', current: 'Current service', chooseCategory: 'Choose a category', chooseProduct: 'Choose the new service',
    perYear: 'per year', choose: 'Choose', currentBadge: 'current', back: 'Back to the categories',
    features: { webSpaceGb: 'Web space (GB)', databases: 'Databases', mailboxes: 'Mailboxes', additionalDomains: 'Additional domains', server: 'Server', pecMailboxes: 'PEC mailboxes' },
    yes: 'yes', no: 'no',
  },
  quote: {
    title: 'Quote', upgrade: 'Upgrade', downgrade: 'Downgrade', description: 'Description', amount: 'Amount', net: 'Taxable amount', vat: 'VAT 22%', total: 'Total',
    newExpiry: 'New expiry', unchanged: 'unchanged', freeDays: (n: number) => `${n} days free: the new year starts from the current expiry.`,
    lost: 'Will be deactivated', supersedes: (code: string) => `Confirming cancels the unpaid order ${code}.`,
    renewalDue: (price: string, date: string) => `Renewing the new service (${price} + VAT) will be due on ${date}.`,
    renewsAt: (price: string) => `The service will renew at ${price} + VAT per year.`,
    validUntil: (time: string) => `Price valid until ${time}.`, method: 'Payment method', confirm: 'Confirm and pay',
  },
  cancel: {
    title: 'Cancel the service', reason: 'Why are you cancelling?', details: 'Details (required for “Other”)', next: 'Continue',
    summary: 'Cancellation summary', effective: 'The service will be deactivated on', noRefund: 'No charge and no refund.', confirm: 'Confirm the cancellation',
    validUntil: (time: string) => `This summary is valid until ${time}.`,
    done: 'Cancellation confirmed: a confirmation email is on its way.', withdrawn: 'Cancellation withdrawn: the service stays active if renewed.',
  },
  renew: { title: 'Renew the service', body: (price: string, until: string) => `One more year at ${price} + VAT, until ${until}.`, confirm: 'Confirm the renewal' },
  orders: {
    title: 'Orders', code: 'HCS code', date: 'Date', status: 'Status', total: 'Total', from: 'From', to: 'To', search: 'Search', reset: 'Clear', any: 'Any', none: 'No orders found.',
    more: 'More orders', order: 'Order', lines: 'Lines', payments: 'Payments', instructions: 'Payment instructions', beneficiary: 'Beneficiary',
    iban: 'IBAN', bank: 'Bank', postalAccount: 'Postal account', reference: 'Payment reference', failure: 'Payment failed',
    invoice: 'Invoice', testMode: 'Test payment: no real charge', pay: 'Payment', payByCard: 'Pay by card', retryCard: 'Try the card again',
    preferCard: 'Would you rather pay now by card?', payOffline: 'Would you rather pay by bank transfer or postal slip?', showInstructions: 'Show the instructions',
    notPayable: 'This order no longer awaits payment.', supersededBy: 'This order was cancelled and replaced by order',
  },
  card: {
    title: 'Card payment', number: 'Card number', pay: 'Pay', testNotice: 'Test mode: use 4242 4242 4242 4242 (succeeds) or 4000 0000 0000 0002 (declined). No real charge.',
    paid: 'Payment succeeded: the order is fulfilled and the invoice issued.', stripeLoading: 'Loading the payment form…',
  },
  invoices: {
    title: 'Invoices', year: 'Year', number: 'Number', date: 'Date', total: 'Total', download: 'Download PDF', none: 'No invoices.', order: 'Order',
    kind: 'Document', kinds: { INVOICE: 'Invoice', CREDIT_NOTE: 'Credit note' }, corrects: 'corrects invoice',
    sdiStatus: 'SdI status', files: 'Files', xml: 'XML', pdf: 'PDF (courtesy copy)', downloadXml: 'Download XML',
    sdi: { TO_SEND: 'To send', SENT: 'Sent', DELIVERED: 'Delivered', NOT_DELIVERABLE: 'Not deliverable', REJECTED: 'Rejected' },
    courtesy: "The PDF is a courtesy copy: the tax document is the XML file sent through the tax agency's exchange system (SdI).",
  },
  billing: {
    title: 'Billing details', clientTitle: (name: string) => `Billing details of ${name}`,
    intro: 'Electronic invoices are made out to these details; invoices already issued stay as they are.',
    incomplete: (fields: string) => `Paying still needs: ${fields}. Complete them and save: you will go back to the payment.`,
    form: {
      kind: 'Invoices made out to', PERSON: 'A person (a sole trader with a VAT number too)', COMPANY: 'A company or body',
      person: 'For a person', company: 'For a company or body',
      fields: {
        companyName: 'Company name', firstName: 'First name', lastName: 'Last name', country: 'Country', address: 'Address (street and number)',
        postalCode: 'Postal code', city: 'City', province: 'Province (Italy: two letters)', fiscalCode: 'Italian fiscal code', vatNumber: 'VAT number',
        sdiCode: 'SdI recipient code', pec: 'PEC (certified email)',
    },
    hints: {
      postalCode: 'In Italy, 5 digits.', province: 'In Italy, the two letters, such as RM.', fiscalCode: '16 characters for a person, 11 digits for a company.',
      vatNumber: 'In Italy 11 digits; in the EU with the country prefix, such as DE123456789.', sdiCode: '7 characters, if you have one; otherwise the PEC.',
    },
    save: 'Save the details',
    },
    saved: 'Billing details saved.', edit: 'Billing details', fix: 'Correct the fields marked.',
  },
  clients: {
    title: 'Clients', search: 'Search a client (name or email)', domains: 'Domains', services: 'Services', none: 'No clients.', open: 'Open', more: 'More clients',
    create: 'New client', name: 'Person or company name', email: "Owner's email (invited to choose a password)", save: 'Create the client',
    created: 'Client created: the owner was sent the invitation.',
  },
  tokens: {
    title: 'API tokens', name: 'Token name', create: 'Create token', created: 'Copy the token now: it will not be shown again.', prefix: 'Starts with', createdAt: 'Created', lastUsed: 'Last used',
    revoke: 'Revoke', revoked: 'Revoked', never: 'never', none: 'No tokens.',
    scopes: 'Permissions', scopesHint: 'No box ticked: full access, as tokens made before permissions existed. Writing includes reading.',
    fullAccess: 'Full access', client: 'Client', everyClient: 'My whole account and my clients', expiresOn: 'Last valid day (optional)',
    expiry: 'Expires', noExpiry: 'never', expired: 'Expired',
    scopeNames: {
      'services:read': 'Services: read', 'services:write': 'Services: change', 'orders:read': 'Orders and payments: read', 'orders:write': 'Orders and payments: change',
      'invoices:read': 'Invoices and billing details: read', 'invoices:write': 'Invoices and billing details: change', 'clients:read': 'Clients and logins: read',
      'clients:write': 'Clients and logins: change', 'webhooks:read': 'Webhooks: read', 'webhooks:write': 'Webhooks: change',
      'support:read': 'Support: read', 'support:write': 'Support: requests and replies',
    },
  },
  sessions: {
    title: 'Sessions', intro: 'The devices signed in to your account. End a session you do not recognise: that device will have to sign in again.',
    device: 'Device', address: 'IP address', createdAt: 'Signed in', lastSeen: 'Last active', current: 'This device', end: 'End', endOthers: 'End every other session',
  },
  profile: {
    title: 'Profile', details: 'Personal details', name: 'Name', language: 'Language', accountLanguage: "The account's", save: 'Save', saved: 'Profile saved.',
    password: 'Password', currentPassword: 'Current password', newPassword: 'New password (at least 8 characters)', changePassword: 'Change the password',
    passwordChanged: 'Password changed: your other sessions were ended.',
    data: 'Your data', dataBody: 'Download as JSON everything the panel holds about you and your account.', download: 'Download my data',
    email: 'Email', newEmail: 'New email address', changeEmail: 'Change email', emailSent: 'We sent a link to the new address: open it within 24 hours to confirm it.',
  },
  secondFactor: {
    title: 'Two-factor login', on: 'On: signing in takes the password and the code of your authenticator app.', off: 'Off: signing in takes only the password.',
    required: 'The back office must use two-factor login: enable it to go on.', manage: 'Manage two-factor login',
    start: 'Enable two-factor login', scan: 'Scan the QR code with your authenticator app (Google Authenticator, Microsoft Authenticator, 1Password…), or type the key:',
    qr: 'QR code to scan with your authenticator app', key: 'Key', code: '6-digit code shown by the app', confirm: 'Confirm and enable',
    recovery: 'Two-factor login is on. Keep these recovery codes somewhere safe: each works once, when you do not have your phone. They will not be shown again.',
    continue: 'Continue', disable: 'Disable two-factor login', currentPassword: 'Current password', disableCode: 'Code of the app or a recovery code',
  },
  users: {
    title: 'Users', intro: "The account's logins and their roles. Owner: everything, and manages the logins; Billing: orders, payments, invoices and billing data; Technical: services and the schedule (change, cancel, renew without paying), no invoices; Read-only: sees, changes nothing.",
    email: 'Email', name: 'Name', role: 'Role', change: 'Change role', remove: 'Remove', invite: 'Invite a user', send: 'Send the invitation', invited: 'Invitation sent: the link works for 7 days, once.',
    roles: { OWNER: 'Owner', BILLING: 'Billing', TECHNICAL: 'Technical', READ_ONLY: 'Read-only' },
  },
  invitation: { title: 'Accept the invitation', body: 'Choose your name and a password to sign in to the Pannello Clienti.', name: 'Name', password: 'Password (at least 8 characters)', accept: 'Accept and create the login', done: 'Login created.' },
  confirmEmail: { title: 'Confirm your new email address', body: 'Confirm to use the new email address to sign in and receive our messages.', confirm: 'Confirm', done: 'Email address changed.' },
  notifications: { title: 'Notifications', subject: 'Subject', date: 'Date', status: 'Status', none: 'No notifications.' },
  tickets: {
    title: 'Support', queueTitle: 'Support queue', intro: 'Your requests to technical, billing and sales support.', newTicket: 'New request',
    subject: 'Subject', department: 'Department', priority: 'Priority', status: 'Status', account: 'Customer', lastActivity: 'Last activity', age: 'No activity for at least (days)',
    assignedToMe: 'Only assigned to me', any: 'Any', filter: 'Filter', reset: 'Reset', none: 'No requests.', more: 'More requests',
    service: 'Service (optional)', order: 'Order (optional)', noneSelected: 'None', message: 'Message', files: 'Attachments (up to 5 files of 5 MB: PDF, images, text)',
    send: 'Send the request', reply: 'Reply', sendReply: 'Send the reply', note: 'Internal note (support only)', sendNote: 'Add the note',
    close: 'Close the request', reopen: 'Reopen the request', assignMe: 'Assign to me', assigned: 'Assigned to you', thread: 'Messages', support: 'Support', internal: 'Internal note',
    viaEmail: 'by email', closedHint: 'The request is closed: a reply within 14 days reopens it; later, open a new one.', uploadFailed: 'An attachment was not accepted.',
    statuses: { OPEN: 'Open', ANSWERED: 'Answered', CUSTOMER_REPLIED: 'Customer replied', CLOSED: 'Closed' },
    departments: { TECHNICAL: 'Technical', BILLING: 'Billing', SALES: 'Sales' },
    priorities: { LOW: 'Low', NORMAL: 'Normal', HIGH: 'High', URGENT: 'Urgent' },
    kinds: { REQUEST: 'Request', CANCELLATION: 'Cancellation' },
  },
  webhooks: {
    title: 'Webhooks', intro: "The panel sends these addresses a signed request (Standard Webhooks) for each chosen event of the account and, for a reseller, of its clients.",
    url: 'Address (https)', events: 'Events', create: 'Add endpoint', created: 'Copy the signing secret now: it will not be shown again.', createdAt: 'Created',
    rotate: 'New secret', rotated: 'New signing secret: copy it now. The previous one keeps working for 24 hours.', delete: 'Delete', deliveries: 'Deliveries', none: 'No endpoints.',
    deliveriesOf: 'Deliveries to', noDeliveries: 'No deliveries.', event: 'Event', status: 'Status', attempts: 'Attempts', lastAnswer: 'Last answer', duration: 'Duration', excerpt: 'Response', redeliver: 'Send again', redelivered: 'Delivery queued again.',
    statuses: { PENDING: 'Waiting', DELIVERED: 'Delivered', FAILED: 'Not delivered' } as Record<string, string>,
    names: {
      'service.expiring': 'Service expiring', 'service.deactivated': 'Service deactivated', 'service.changed': 'Service changed or renewed', 'order.created': 'Order created',
      'order.paid': 'Order paid', 'invoice.issued': 'Invoice issued', 'cancellation.confirmed': 'Cancellation confirmed', 'cancellation.withdrawn': 'Cancellation withdrawn',
    } as Record<string, string>,
  },
  calendarFeed: {
    linkHint: 'the expiries in your calendar (Google, Outlook, Apple), with a reminder.', noAccount: 'The expiry calendar belongs to an account: the back office has none.',
    title: 'Expiry calendar', intro: 'Add this address to Google Calendar, Outlook or Apple Calendar ("subscribe from URL"): every expiry shows there with a reminder 7 days before. Whoever has the address sees the expiries: keep it private.',
    own: "The account's expiries", withClients: "With the clients' expiries", copy: 'Copy', copied: 'Copied', regenerate: 'Regenerate the addresses', regenerated: 'New addresses made: the previous ones no longer work.',
  },
  errors: { generic: 'Something went wrong: please try again.' },
};

export async function getLocale(): Promise<Locale> {
  return (await cookies()).get(LOCALE_COOKIE)?.value === 'en' ? 'en' : 'it';
}

const dictionaryOf = (locale: Locale): Dictionary => (locale === 'en' ? en : it);

export async function getDictionary(): Promise<{ locale: Locale; t: Dictionary }> {
  const locale = await getLocale();
  return { locale, t: dictionaryOf(locale) };
}

/**
 * What a page says about the problem a form sent back (`?errore=CODE`): the message of that user error
 * code in the visitor's language; the generic one for anything else; nothing without a code.
 */
export function problemMessage(code: string | null | undefined, locale: Locale): string | null {
  if (!code) return null;
  return isUserErrorCode(code) ? userErrorMessage(code, locale) : dictionaryOf(locale).errors.generic;
}

/** The messages of an attachment upload's refusals, by code, for the ticket forms (their uploads run in the browser). */
export function attachmentProblemMessages(locale: Locale): Record<string, string> {
  return Object.fromEntries((['ATTACHMENT_TOO_LARGE', 'ATTACHMENT_TYPE', 'TOO_MANY_ATTACHMENTS'] as const).map((code) => [code, userErrorMessage(code, locale)]));
}
