import { Decimal, ZERO } from './decimal.js';

export const VAT_RATE = new Decimal('0.2');

/** VAT on a statement total: 20% when the lead provider is VAT chargeable, otherwise nothing. */
export const vatOn = (total: Decimal, vatChargeable: boolean): Decimal => (vatChargeable ? total.times(VAT_RATE) : ZERO);
