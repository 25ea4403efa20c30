import { valuesFromParams, type FormSchema } from './CamundaForm';

describe('valuesFromParams', () => {
  const schema: FormSchema = {
    components: [
      { key: 'doseRecordId', type: 'number' },
      { key: 'addresseeNumber', type: 'textfield' },
      { type: 'group', components: [{ key: 'note', type: 'textarea' }] },
    ],
  };

  it('fills only the form’s own fields, numbers as numbers and 宛名番号 as text', () => {
    const params = new URLSearchParams('start=X&doseRecordId=12&addresseeNumber=0000000123&note=a&other=b');
    expect(valuesFromParams(schema, params)).toEqual({ doseRecordId: 12, addresseeNumber: '0000000123', note: 'a' });
    expect(valuesFromParams(null, params)).toEqual({});
  });
});
