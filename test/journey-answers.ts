/**
 * Answers for the guided check as a browser without JavaScript gives them: a school member, a
 * social-services member and a team, and the steps that start a draft and add a team.
 */
import assert from 'node:assert/strict';
import type { FormClient } from './form-client.ts';

export const school = {
  side: 'school',
  role: 'Skolkurator',
  engagement: 'employment',
  fte: '1',
  start: '15/8 2025',
  end: '',
  education: 'psychosocial_degree',
  educationNote: '',
  origin: 'new',
  monthlySalary: '42 000',
  employerCostRate: '31,42 %',
  otherFundingShare: '',
};
export const social = { ...school, side: 'social_services', role: 'Skolsocionom', education: 'socionomexamen', monthlySalary: '40 000' };
export const team = {
  name: 'Skolsocialt team Norr',
  schoolForms: ['grundskola'],
  municipalityCode: '0180',
  periodFrom: '',
  periodTo: '',
  status: 'new',
  previouslyGrantedFte: '',
  contractEducation: 'no',
};

/** Starts a draft and answers the pages up to the teams; returns the draft's base path. */
export async function startDraft(client: FormClient, lang = ''): Promise<string> {
  await client.get(`/${lang ? `?lang=${lang}` : ''}`);
  const started = await client.post(`/ansokan${lang ? `?lang=${lang}` : ''}`, {});
  assert.equal(started.statusCode, 303);
  const base = String(started.headers.location).replace(/\/bidragsar.*$/, '');
  assert.equal((await client.submit(`${base}/bidragsar`, { grantYear: '2026' })).statusCode, 303);
  const organiser = await client.submit(`${base}/huvudman`, { name: 'Exempla kommun', orgNumber: '212000-0142', type: 'municipal' });
  assert.equal(organiser.headers.location, `${base}/team`);
  return base;
}

export async function addTeam(client: FormClient, base: string, members: Array<Record<string, string>>, fields: Record<string, string | string[]> = {}) {
  const created = await client.submit(`${base}/team/ny`, { ...team, ...fields });
  assert.equal(created.statusCode, 303, created.body);
  const people = String(created.headers.location);
  for (const member of members) {
    const saved = await client.submit(people.replace('/personer', '/person/ny'), member);
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 2000));
  }
  return people;
}
