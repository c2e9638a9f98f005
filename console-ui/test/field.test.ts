import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CheckField, Field, FieldSet, type FieldControl } from '../src/ui/Field';

const textarea = (control: FieldControl) => h('textarea', { ...control, defaultValue: '' });

describe('Field', () => {
  it('ties the hint, the note and a list of problems to the control, in reading order', () => {
    const html = renderToStaticMarkup(
      h(Field, {
        id: 'sites',
        label: 'Blocked sites',
        hint: 'One per line',
        problem: ['Line 1 is not a filter', 'Line 2 is the same as line 1'],
        note: 'Entries: 2',
        className: 'f',
        hintClassName: 'h',
        problemClassName: 'p',
        noteClassName: 'n',
        hasProblemClassName: 'bad',
        hintFirst: true,
        children: textarea,
      }),
    );
    expect(html).toBe(
      '<div class="f bad"><label for="sites">Blocked sites</label>' +
        '<p id="sites-hint" class="h">One per line</p>' +
        '<ul id="sites-problem" class="p"><li>Line 1 is not a filter</li><li>Line 2 is the same as line 1</li></ul>' +
        '<textarea id="sites" aria-describedby="sites-hint sites-note sites-problem" aria-invalid="true"></textarea>' +
        '<p id="sites-note" class="n">Entries: 2</p></div>',
    );
  });

  it('an empty list of problems is no problem: not invalid, nothing said', () => {
    const html = renderToStaticMarkup(
      h(Field, {
        id: 'zone',
        label: 'Time zone',
        problem: [],
        hasProblemClassName: 'bad',
        children: textarea,
      }),
    );
    expect(html).toBe(
      '<div class="field"><label for="zone">Time zone</label><textarea id="zone"></textarea></div>',
    );
  });

  it('one problem is a sentence after the control; the hint comes first', () => {
    const html = renderToStaticMarkup(
      h(Field, {
        id: 'name',
        label: 'Name',
        hint: 'As on the register',
        problem: 'Say a name.',
        children: textarea,
      }),
    );
    expect(html).toBe(
      '<div class="field"><label for="name">Name</label>' +
        '<textarea id="name" aria-describedby="name-hint name-problem" aria-invalid="true"></textarea>' +
        '<span id="name-hint">As on the register</span><span id="name-problem" class="error">Say a name.</span></div>',
    );
  });
});

describe('FieldSet', () => {
  it('is a named group described by its hint and problems, with an id a summary can link to', () => {
    const html = renderToStaticMarkup(
      h(FieldSet, {
        id: 'mirrors',
        legend: 'Mirror sites',
        hint: 'Copies of other sites',
        problem: ['Choose one'],
        className: 'g',
        hintClassName: 'h',
        problemClassName: 'p',
        children: h('input', { type: 'radio', 'aria-label': 'Block' }),
      }),
    );
    expect(html).toBe(
      '<fieldset id="mirrors" class="g" aria-describedby="mirrors-hint mirrors-problem"><legend>Mirror sites</legend>' +
        '<p id="mirrors-hint" class="h">Copies of other sites</p><ul id="mirrors-problem" class="p"><li>Choose one</li></ul>' +
        '<input type="radio" aria-label="Block"/></fieldset>',
    );
  });

  it('without a hint or a problem it is described by nothing', () => {
    const html = renderToStaticMarkup(h(FieldSet, { id: 's', legend: 'Status', children: null }));
    expect(html).toBe('<fieldset id="s"><legend>Status</legend></fieldset>');
  });
});

describe('CheckField', () => {
  it('puts the checkbox before its label, described by its hint', () => {
    const html = renderToStaticMarkup(
      h(CheckField, {
        id: 'any',
        label: 'At any hour',
        hint: 'Nights too',
        children: (control: FieldControl) => h('input', { ...control, type: 'checkbox' }),
      }),
    );
    expect(html).toBe(
      '<div class="checkbox"><input id="any" aria-describedby="any-hint" type="checkbox"/> ' +
        '<label for="any">At any hour</label><span id="any-hint">Nights too</span></div>',
    );
  });
});
