import type { enRegional } from './en-regional.js';

/** 美国各州、印度与巴西各节的简体中文字符串；键与 `enRegional` 相同。 */
export const zhCNRegional: Record<keyof typeof enRegional, string> = {
  'jurisdiction.us-co-cpa': '美国科罗拉多州（CPA）',
  'jurisdiction.us-ct-ctdpa': '美国康涅狄格州（CTDPA）',
  'jurisdiction.us-de-dpdpa': '美国特拉华州（DPDPA）',
  'jurisdiction.us-md-modpa': '美国马里兰州（MODPA）',
  'jurisdiction.us-mn-mcdpa': '美国明尼苏达州（MCDPA）',
  'jurisdiction.us-mt-mcdpa': '美国蒙大拿州（MCDPA）',
  'jurisdiction.us-ne-dpdpa': '美国内布拉斯加州（NDPA）',
  'jurisdiction.us-nh-pa': '美国新罕布什尔州（RSA 507-H）',
  'jurisdiction.us-nj-dpa': '美国新泽西州（NJDPA）',
  'jurisdiction.us-or-ocpa': '美国俄勒冈州（OCPA）',
  'jurisdiction.us-tx-tdpsa': '美国得克萨斯州（TDPSA）',
  'jurisdiction.us-va-vcdpa': '美国弗吉尼亚州（VCDPA）',
  'jurisdiction.in-dpdp': '印度（《数字个人数据保护法》）',

  'section.usStates': '美国设有消费者隐私法的各州居民的补充说明',
  'section.india': '印度用户的补充说明',
  'section.brazil': '巴西用户的补充说明',

  'usStates.intro': '如您是以下地区的居民，本节适用：{states}。',
  'usStates.rights': '您根据上述州法律享有的权利',
  'usStates.optOut': '您可以拒绝定向广告、拒绝出售您的个人数据，以及拒绝会产生法律或类似重大影响的画像分析。',
  'usStates.deadline':
    '我们在收到您的请求后45日内答复；确有合理必要时可延长一次，最多45日，并会在最初45日内告知您延期理由。',
  'usStates.appeal': '如我们拒绝您的请求，您可以提出申诉；我们处理申诉的期限为：{deadlines}。',
  'usStates.appealItem': '{state}：{days}日',
  'usStates.complaint': '如我们驳回您的申诉，您可以联系您所在州的总检察长。',
  'usStates.sensitive': '我们仅在取得您同意后处理敏感数据。',
  'usStates.gpcYes':
    '我们将全球隐私控制（Global Privacy Control）等通用拒绝信号视为拒绝定向广告和拒绝出售个人数据的有效请求。{states}的法律要求如此。',
  'usStates.gpcNo': '本政策未承诺响应全球隐私控制等通用拒绝信号，但{states}的法律要求响应此类信号。',
  'usStates.minors':
    '对于我们知道未满其所在州规定年龄（13至18岁）的消费者，未经同意，我们不会出售其个人数据，也不会向其投放定向广告。',
  'usStates.coppa':
    '未满13岁的儿童（COPPA）：我们在收集儿童个人信息前取得其父母可验证的同意，在向第三方披露前另行取得单独同意，并仅在书面保存政策允许的期限内保存。',
  'california.signalDisplay':
    '当您的浏览器发送拒绝偏好信号时，我们的网站会显示我们是否已将其作为拒绝出售和共享的有效请求处理。',

  'india.intro': '如您位于印度，本节适用（《2023年数字个人数据保护法》）。',
  'india.rights': '您根据《数字个人数据保护法》享有的权利',
  'india.grievance': '您可以向我们提出申诉，我们将在90日内答复。如您不满意，可以向印度数据保护委员会投诉。',
  'india.children':
    '如您未满18岁，我们仅在取得您的父母或合法监护人可验证的同意后处理您的个人数据，且绝不进行针对您的跟踪、行为监测或定向广告。',
  'india.breach': '如个人数据泄露影响到您，我们将及时通知您，并在72小时内向数据保护委员会报告。',

  'brazil.intro': '如您位于巴西，本节适用（LGPD及第15.211/2025号法律，即《数字儿童和青少年法》）。',
  'brazil.rights': '您根据LGPD享有的权利',
  'brazil.minors':
    '未满18岁的儿童和青少年：我们不会为投放广告而对其进行画像分析。16岁及以下用户的社交网络账户须与其父母或法定监护人的账户关联。',
};
