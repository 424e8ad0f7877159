import type { TaxonomyEntry } from '../types.js';
import { BROADER, category as c, deprecated, dpv, pd } from './define.js';

const S = { sensitivity: 'sensitive' } as const;
const SB = { sensitivity: 'sensitive', broader: true } as const;

/**
 * fideslang `user.*` categories that contain special or sensitive data: GDPR Art. 9 (racial or
 * ethnic origin, political opinions, religious or philosophical beliefs, trade-union membership,
 * genetic, biometric, health, sex life or orientation) and Art. 10 (criminal), PIPL Art. 28
 * (biometrics, religion, specific identity, medical health, financial accounts, whereabouts,
 * minors under 14) and CCPA §1798.140(ae) (government IDs, financial accounts, citizenship, neural
 * data...).
 * Demographic is mixed: only its special leaves are sensitive.
 */
export const userSpecialCategories: TaxonomyEntry[] = [
  c('user.biometric', 'Biometric data', '生物识别信息', pd('Biometric'), deprecated('user.biometrics', S)),
  c(
    'user.biometric.fingerprint',
    'Fingerprint',
    '指纹',
    pd('Fingerprint'),
    deprecated('user.biometrics.fingerprint'),
  ),
  c('user.biometric.retinal', 'Retina scan', '视网膜', pd('Retina'), deprecated('user.biometrics.retinal')),
  c(
    'user.biometric.voice',
    'Voiceprint',
    '声纹',
    pd('Biometric'),
    deprecated('user.biometrics.voice', BROADER),
  ),
  c(
    'user.biometric.health',
    'Biometric health data',
    '生物识别健康数据',
    pd('Biometric'),
    deprecated('user.biometrics', BROADER),
  ),
  c('user.biometrics', 'Biometric data', '生物识别信息', pd('Biometric'), S),
  c('user.biometrics.fingerprint', 'Fingerprint', '指纹', pd('Fingerprint')),
  c('user.biometrics.retinal', 'Retina scan', '视网膜', pd('Retina')),
  c('user.biometrics.voice', 'Voiceprint', '声纹', pd('Biometric'), BROADER),
  c('user.biometrics.facial', 'Facial features', '人脸信息', pd('FacialPrint'), {
    origin: 'pledge',
    fideslang: 'user.biometrics',
  }),

  c(
    'user.childrens',
    "Children's data",
    '儿童个人信息',
    dpv('SensitivePersonalData'),
    deprecated('user.children', SB),
  ),
  c('user.children', "Children's data", '儿童个人信息', dpv('SensitivePersonalData'), SB),
  // CCPA §1798.140(ae)(1)(G) (SB 1223, from 2025-01-01): measured activity of the central or
  // peripheral nervous system, not inferred from non-neural information.
  c('user.neural', 'Neural data', '神经数据', dpv('SensitivePersonalData'), {
    sensitivity: 'sensitive',
    broader: true,
    origin: 'pledge',
    fideslang: 'user.health',
  }),
  c(
    'user.children.children_under_thirteen',
    'Children under 13',
    '未满十三周岁儿童的信息',
    dpv('SensitivePersonalData'),
    BROADER,
  ),
  // PIPL Art. 28: personal information of minors under 14 is sensitive.
  c(
    'user.children.under_fourteen',
    'Minors under 14',
    '不满十四周岁未成年人的个人信息',
    dpv('SensitivePersonalData'),
    {
      broader: true,
      origin: 'pledge',
      fideslang: 'user.children',
    },
  ),
  c(
    'user.children.thirteen_to_sixteen',
    'Children aged 13 to 16',
    '十三至十六周岁未成年人的信息',
    dpv('SensitivePersonalData'),
    BROADER,
  ),

  c('user.criminal_history', 'Criminal history', '犯罪记录', pd('Criminal'), S),

  c('user.demographic', 'Demographic data', '人口统计信息', pd('Demographic')),
  c('user.demographic.age_range', 'Age range', '年龄段', pd('AgeRange')),
  c('user.demographic.date_of_birth', 'Date of birth', '出生日期', pd('BirthDate')),
  c('user.demographic.gender', 'Gender', '性别', pd('Gender')),
  c('user.demographic.language', 'Language', '语言', pd('Language')),
  c('user.demographic.marital_status', 'Marital status', '婚姻状况', pd('MaritalStatus')),
  c('user.demographic.profile', 'Profile data', '用户画像信息', pd('IndividualProfile')),
  c('user.demographic.political_opinion', 'Political opinion', '政治观点', pd('PoliticalOpinion'), S),
  c('user.demographic.race_ethnicity', 'Racial or ethnic origin', '种族或民族', pd('Ethnicity'), S),
  c('user.demographic.religious_belief', 'Religious belief', '宗教信仰', pd('ReligiousBelief'), S),
  c(
    'user.demographic.philosophical_belief',
    'Philosophical belief',
    '哲学信仰',
    pd('PhilosophicalBelief'),
    S,
  ),
  c('user.demographic.sexual_orientation', 'Sexual orientation', '性取向', pd('Sexual'), SB),
  c(
    'user.demographic.union_membership',
    'Trade-union membership',
    '工会会员身份',
    pd('TradeUnionMembership'),
    S,
  ),
  c(
    'user.demographic.citizenship_or_immigration_status',
    'Citizenship or immigration status',
    '国籍或移民身份',
    pd('Citizenship'),
    SB,
  ),
  c(
    'user.demographic.protected_classifications',
    'Protected classifications',
    '受保护的身份特征',
    dpv('SensitivePersonalData'),
    SB,
  ),

  c('user.financial', 'Financial data', '金融账户信息', pd('Financial'), S),
  c('user.financial.bank_account', 'Bank account', '银行账户', pd('BankAccount')),
  c('user.financial.credit_card', 'Credit card', '信用卡信息', pd('PaymentCard')),
  // PIPL Art. 28 financial accounts cover payment card and payment account data.
  c('user.payment', 'Payment data', '支付信息', pd('Financial'), SB),

  c('user.government_id', 'Government-issued ID', '政府签发的身份证件信息', pd('OfficialID'), S),
  c('user.government_id.birth_certificate', 'Birth certificate', '出生证明', pd('OfficialID'), BROADER),
  c(
    'user.government_id.drivers_license_number',
    "Driver's licence number",
    '驾驶证号码',
    pd('OfficialID'),
    BROADER,
  ),
  c(
    'user.government_id.immigration',
    'Immigration or residence document',
    '移民或居留证件',
    pd('OfficialID'),
    BROADER,
  ),
  c(
    'user.government_id.national_identification_number',
    'National ID number',
    '身份证件号码',
    pd('OfficialID'),
    BROADER,
  ),
  c('user.government_id.passport_number', 'Passport number', '护照号码', pd('Passport')),
  // A number plate identifies a vehicle, not a specific identity: no supported law lists it.
  c(
    'user.government_id.vehicle_registration',
    'Vehicle registration',
    '车辆登记信息',
    pd('VehicalLicenseRegistration'),
    {
      sensitivity: 'personal',
    },
  ),

  c('user.health', 'Health data', '健康医疗信息', pd('MedicalHealth'), S),
  c('user.health.genetic', 'Genetic data', '基因信息', pd('Genetic')),
  c(
    'user.health.insurance_beneficiary_id',
    'Health insurance ID',
    '医疗保险号',
    pd('MedicalHealth'),
    BROADER,
  ),
  c('user.health.record_id', 'Medical record ID', '病历号', pd('HealthRecord')),
  c('user.health.baby_formula', 'Baby formula information', '婴儿配方食品信息', pd('MedicalHealth'), BROADER),
  c('user.health.condition', 'Health condition', '健康状况', pd('Health')),
  c('user.health.maternity_clothing', 'Maternity clothing', '孕产服饰信息', pd('MedicalHealth'), BROADER),
  c('user.health.medical_diagnosis', 'Medical diagnosis', '医疗诊断', pd('HealthRecord'), BROADER),
  c('user.health.medications', 'Medications', '用药信息', pd('Prescription'), BROADER),
  c('user.health.prescriptions', 'Prescriptions', '处方', pd('Prescription')),
  c(
    'user.health.reproductive_or_sexual',
    'Reproductive or sexual health',
    '生殖或性健康',
    pd('Health'),
    BROADER,
  ),
  c(
    'user.health.social_psychological_behavioral',
    'Social, psychological or behavioural health',
    '社会、心理或行为健康',
    pd('MentalHealth'),
    BROADER,
  ),
  c('user.health.symptons', 'Health symptoms', '症状', pd('Health'), BROADER),
  c('user.health.treatment', 'Medical treatment', '医疗处置', pd('HealthRecord'), BROADER),
  c(
    'user.health_and_medical',
    'Health and medical data',
    '健康医疗信息',
    pd('MedicalHealth'),
    deprecated('user.health', S),
  ),
  c(
    'user.health_and_medical.genetic',
    'Genetic data',
    '基因信息',
    pd('Genetic'),
    deprecated('user.health.genetic'),
  ),
  c(
    'user.health_and_medical.insurance_beneficiary_id',
    'Health insurance ID',
    '医疗保险号',
    pd('MedicalHealth'),
    deprecated('user.health.insurance_beneficiary_id', BROADER),
  ),
  c(
    'user.health_and_medical.record_id',
    'Medical record ID',
    '病历号',
    pd('HealthRecord'),
    deprecated('user.health.record_id'),
  ),
];
