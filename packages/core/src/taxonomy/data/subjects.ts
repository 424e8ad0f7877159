import type { TaxonomyEntry } from '../types.js';
import { BROADER, dpv, subject as s } from './define.js';

/** fideslang data subjects (flat: no parents), plus `child` and `guardian`, which fideslang lacks. */
export const subjects: TaxonomyEntry[] = [
  s('anonymous_user', 'Anonymous user', '匿名用户', dpv('User'), BROADER),
  s('citizen_voter', 'Citizen or voter', '公民或选民', dpv('Citizen')),
  s('commuter', 'Commuter', '通勤者', dpv('DataSubject'), BROADER),
  s('consultant', 'Consultant', '顾问', dpv('DataSubject'), BROADER),
  s('customer', 'Customer', '客户', dpv('Customer')),
  s('employee', 'Employee', '员工', dpv('Employee')),
  s('job_applicant', 'Job applicant', '求职者', dpv('JobApplicant')),
  s('next_of_kin', 'Next of kin', '近亲属', dpv('DataSubject'), BROADER),
  s('passenger', 'Passenger', '乘客', dpv('DataSubject'), BROADER),
  s('patient', 'Patient', '患者', dpv('Patient')),
  s('prospect', 'Prospective customer', '潜在客户', dpv('DataSubject'), BROADER),
  s('shareholder', 'Shareholder', '股东', dpv('Member'), BROADER),
  s('supplier_vendor', 'Supplier or vendor', '供应商', dpv('DataSubject'), BROADER),
  s('trainee', 'Trainee', '实习生或受训人员', dpv('DataSubject'), BROADER),
  s('visitor', 'Visitor', '访客', dpv('Visitor')),
  s('child', 'Child', '儿童', dpv('Child'), { origin: 'pledge', fideslang: 'customer' }),
  s('guardian', 'Parent or guardian', '父母或其他监护人', dpv('GuardianOfDataSubject'), {
    origin: 'pledge',
    fideslang: 'next_of_kin',
  }),
];
