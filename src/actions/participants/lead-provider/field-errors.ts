// Collects every problem with a lead provider's request, in the order the DfE checks them, so the
// caller gets all of them at once (the API answers 422 with one error per attribute).
import { ActionError, type FieldError } from '../../errors.js';

export class FieldErrors {
  private readonly errors: FieldError[] = [];

  add(field: string, message: string): void {
    this.errors.push({ field, message });
  }

  get any(): boolean {
    return this.errors.length > 0;
  }

  has(field: string): boolean {
    return this.errors.some((e) => e.field === field);
  }

  throwIfAny(): void {
    if (this.any) throw new ActionError('INVALID_INPUT', this.errors[0].message, [...this.errors]);
  }
}
