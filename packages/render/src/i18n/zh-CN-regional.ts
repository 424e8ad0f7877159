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
    '上述法律要求在收到您的请求后45日内答复；确有合理必要时可延长一次，最多45日，并须在最初45日内告知延期理由。',
  'usStates.appeal': '如我们拒绝您的请求，您可以提出申诉；法律规定的申诉处理期限为：{deadlines}。',
  'usStates.appealItem': '{state}：{days}日',
  'usStates.complaint': '如我们驳回您的申诉，您可以联系您所在州的总检察长。',
  'usStates.sensitive': '上述法律要求在处理敏感数据前取得您的同意。',
  'usStates.gpcYes':
    '我们将全球隐私控制（Global Privacy Control）等通用拒绝信号视为拒绝定向广告和拒绝出售个人数据的有效请求。{states}的法律要求如此。',
  'usStates.gpcNo': '本政策未承诺响应全球隐私控制等通用拒绝信号，但{states}的法律要求响应此类信号。',
  'usStates.minors':
    '其中多项法律规定，对于已知未满州定年龄（16或18岁）的消费者，出售其个人数据或向其投放定向广告须取得同意，或一律禁止。',
  'usStates.coppa':
    '未满13岁的儿童（COPPA）：收集儿童个人信息前须取得其父母可验证的同意，向第三方披露前须另行取得单独同意，且仅可在书面保存政策允许的期限内保存。',
  'california.signalDisplay':
    '当您的浏览器发送拒绝偏好信号时，我们的网站会显示我们是否已将其作为拒绝出售和共享的有效请求处理。',

  'india.intro': '如您位于印度，本节适用（《2023年数字个人数据保护法》）。',
  'india.rights': '您根据《数字个人数据保护法》享有的权利',
  'india.grievance':
    '您可以向我们提出申诉；《2025年数字个人数据保护规则》要求在90日内答复。如您不满意，可以向印度数据保护委员会投诉。',
  'india.children':
    '根据《数字个人数据保护法》，处理未满18岁者的个人数据须取得其父母或合法监护人可验证的同意，且不得进行针对儿童的跟踪、行为监测或定向广告。',
  'india.breach': '法律要求发生个人数据泄露时及时通知每一位受影响的人，并在72小时内向数据保护委员会报告。',

  'brazil.intro': '如您位于巴西，本节适用（LGPD及第15.211/2025号法律，即《数字儿童和青少年法》）。',
  'brazil.rights': '您根据LGPD享有的权利',
  'brazil.minors':
    '《数字儿童和青少年法》禁止为投放广告而对儿童和青少年（未满18岁）进行画像分析，并要求16岁及以下用户的社交网络账户与其父母或法定监护人的账户关联。',
};
