const METHODS = ['CARD', 'BANK_TRANSFER', 'POSTAL_SLIP'] as const;
export const OFFLINE_METHODS = ['BANK_TRANSFER', 'POSTAL_SLIP'] as const;

export function PaymentMethodFieldset({ legend, labels, methods = METHODS, selected = 'CARD' }: { legend: string; labels: Record<string, string>; methods?: readonly string[]; selected?: string }) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {methods.map((method) => (
        <label key={method} className="radio">
          <input type="radio" name="paymentMethod" value={method} defaultChecked={method === selected} required /> {labels[method]}
        </label>
      ))}
    </fieldset>
  );
}
