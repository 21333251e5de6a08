const METHODS = ['CARD', 'BANK_TRANSFER', 'POSTAL_SLIP'] as const;

export function PaymentMethodFieldset({ legend, labels, selected = 'CARD' }: { legend: string; labels: Record<string, string>; selected?: string }) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {METHODS.map((method) => (
        <label key={method} className="radio">
          <input type="radio" name="paymentMethod" value={method} defaultChecked={method === selected} required /> {labels[method]}
        </label>
      ))}
    </fieldset>
  );
}
