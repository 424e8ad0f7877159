import type { TaxonomyEntry } from '../types.js';
import { BROADER, category as c, deprecated, dpv, pd, SENSITIVE } from './define.js';

/**
 * fideslang `user.*` data categories that no supported law treats as sensitive as a whole
 * (contact, account, device, behaviour, location, identifiers...). Special categories are in
 * `categories-user-special.ts`. Sensitive leaves here (credentials, precise location, private
 * content) carry their own `sensitivity`.
 */
export const userCategories: TaxonomyEntry[] = [
  c('user', 'User data', '用户个人信息', dpv('PersonalData'), { sensitivity: 'personal' }),

  c('user.account', 'Account information', '账户信息', pd('Identifying'), BROADER),
  c(
    'user.account.settings',
    'Account settings',
    '账户设置',
    pd('Preference'),
    deprecated('user.settings', BROADER),
  ),
  c('user.account.username', 'Username', '用户名', pd('Username')),

  c('user.authorization', 'Authorisation information', '授权信息', pd('Authenticating'), BROADER),
  // CCPA §1798.140(ae): account log-in with password or credentials is sensitive personal information.
  c(
    'user.authorization.credentials',
    'Authentication credentials',
    '身份鉴别凭据',
    pd('Authenticating'),
    SENSITIVE,
  ),
  c('user.authorization.password', 'Password', '密码', pd('Password'), SENSITIVE),
  c(
    'user.authorization.biometric',
    'Biometric credentials',
    '生物识别凭据',
    pd('Biometric'),
    deprecated('user.authorization.biometrics', { broader: true, sensitivity: 'sensitive' }),
  ),
  c('user.authorization.biometrics', 'Biometric authentication data', '生物识别认证信息', pd('Biometric'), {
    broader: true,
    sensitivity: 'sensitive',
  }),

  c('user.behavior', 'Observed behaviour', '行为信息', pd('Behavioral')),
  c('user.behavior.browsing_history', 'Browsing history', '浏览记录', pd('BrowserHistory')),
  c('user.behavior.media_consumption', 'Media consumption', '媒体消费记录', pd('ServiceConsumptionBehavior')),
  c('user.behavior.purchase_history', 'Purchase history', '购买记录', pd('Purchase')),
  c('user.behavior.search_history', 'Search history', '搜索记录', pd('BrowsingBehavior'), BROADER),

  c('user.contact', 'Contact data', '联系方式', pd('Contact')),
  c('user.contact.address', 'Postal address', '通信地址', pd('PhysicalAddress')),
  c('user.contact.address.city', 'City', '城市', pd('City')),
  c('user.contact.address.country', 'Country', '国家或地区', pd('Country')),
  c('user.contact.address.postal_code', 'Postal code', '邮政编码', pd('PostalCode')),
  c('user.contact.address.state', 'State or province', '省或州', pd('Region')),
  c('user.contact.address.street', 'Street address', '街道地址', pd('Street')),
  c('user.contact.address.mailing_address', 'Mailing address', '邮寄地址', pd('PhysicalAddress')),
  c('user.contact.email', 'Email address', '电子邮件地址', pd('EmailAddress')),
  c('user.contact.phone_number', 'Phone number', '电话号码', pd('TelephoneNumber')),
  c('user.contact.fax_number', 'Fax number', '传真号码', pd('Contact'), BROADER),
  c('user.contact.url', 'Website', '个人网站', pd('Contact'), deprecated('user.contact.social_url', BROADER)),
  c('user.contact.social_url', 'Social media URL', '社交媒体主页链接', pd('SocialMedia'), BROADER),
  c(
    'user.contact.organization',
    'Organisation',
    '所属组织',
    pd('Professional'),
    deprecated('user.contact', BROADER),
  ),

  c('user.content', 'User content', '用户内容', pd('Communication'), BROADER),
  // CCPA §1798.140(ae): contents of mail, email and texts not addressed to the business.
  c('user.content.private', 'Private content', '非公开内容', pd('Communication'), SENSITIVE),
  c('user.content.public', 'Public content', '公开内容', pd('Communication'), BROADER),
  c('user.content.self_image', 'Image of the person', '本人影像', pd('Picture')),

  c('user.device', 'Device data', '设备信息', pd('DeviceBased')),
  c('user.device.cookie', 'Cookie data', 'Cookie 数据', pd('DeviceBased'), BROADER),
  c('user.device.cookie_id', 'Cookie ID', 'Cookie 标识符', pd('Identifier'), BROADER),
  c('user.device.device_id', 'Device ID', '设备标识符', pd('Identifier'), BROADER),
  c('user.device.ip_address', 'IP address', 'IP 地址', pd('IPAddress')),
  c('user.device.sensor', 'Device sensor data', '设备传感器数据', pd('DeviceBased'), BROADER),
  c('user.device.telemetry', 'Device telemetry', '设备遥测数据', pd('DeviceBased'), BROADER),

  c('user.location', 'Location data', '位置信息', pd('Location')),
  c(
    'user.location.imprecise',
    'Imprecise location',
    '粗略位置',
    pd('Location'),
    deprecated('user.location.coarse', BROADER),
  ),
  c(
    'user.location.coarse',
    'Coarse location (over 500 m)',
    '粗略位置（500 米以上）',
    pd('Location'),
    BROADER,
  ),
  // PIPL Art. 28 "whereabouts" (行踪轨迹); CCPA precise geolocation.
  c('user.location.precise', 'Precise location (under 500 m)', '精确位置（500 米以内）', pd('Location'), {
    broader: true,
    sensitivity: 'sensitive',
  }),

  c('user.name', 'Name', '姓名', pd('Name')),
  c('user.name.first', 'First name', '名', pd('Name'), BROADER),
  c('user.name.last', 'Last name', '姓', pd('Name'), BROADER),

  c('user.privacy_preferences', 'Privacy preferences', '隐私偏好', pd('PrivacyPreference')),
  c('user.settings', 'User settings', '用户设置', pd('Preference'), BROADER),

  c('user.professional_information', 'Professional information', '职业信息', pd('Professional')),
  c('user.professional_information.job_title', 'Job title', '职务', pd('Job')),
  c('user.professional_information.workplace', 'Workplace', '工作单位', pd('CurrentEmployment')),
  c('user.job_title', 'Job title', '职务', pd('Job'), deprecated('user.professional_information.job_title')),
  c(
    'user.workplace',
    'Workplace',
    '工作单位',
    pd('CurrentEmployment'),
    deprecated('user.professional_information.workplace'),
  ),

  c('user.sensor', 'Sensor data', '传感器数据', pd('DeviceBased'), deprecated('user.device.sensor', BROADER)),
  c(
    'user.user_sensor',
    'User sensor data',
    '用户环境传感器数据',
    pd('DeviceBased'),
    deprecated('user.device.sensor', BROADER),
  ),
  c(
    'user.telemetry',
    'Telemetry data',
    '遥测数据',
    pd('DeviceBased'),
    deprecated('user.device.telemetry', BROADER),
  ),

  c('user.social', 'Social data', '社交数据', pd('Social'), deprecated('user.social_activity')),
  c('user.social_activity', 'Social activity', '社交活动数据', pd('Social')),

  c('user.unique_id', 'Unique identifier', '唯一标识符', pd('UID')),
  c(
    'user.unique_id.pseudonymous',
    'Pseudonymous ID',
    '假名标识符',
    pd('UID'),
    deprecated('user.unique_id', BROADER),
  ),
  c('user.unique_id.deterministic', 'Deterministic ID', '确定性标识符', pd('UID'), BROADER),
  c('user.unique_id.probablistic', 'Probabilistic ID', '概率性标识符', pd('UID'), BROADER),
];
