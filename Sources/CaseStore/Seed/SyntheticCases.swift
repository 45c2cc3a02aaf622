import CaseModel
import Foundation

/// Deterministic synthetic disputes in the category mix of docs/domain.md §10, for load and demos.
///
/// The same seed always gives the same cases (a SplitMix64 stream, no system randomness),
/// so benchmarks and bug reports can be reproduced exactly.
public struct SyntheticCases: Sendable {
    package var generator: SplitMix64
    package let now: Date

    /// A generator for a seed, with times relative to `now`.
    public init(seed: UInt64, now: Date) {
        generator = SplitMix64(seed: seed &+ 0x5DEE_CE66_D1CE_4E5B)
        self.now = now
    }

    package mutating func next() -> UInt64 { generator.next() }

    package mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    package mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// Categories weighted in per-mille after the 2023 complaint mix (after-sales 36.8%, contract 23.7%,
    /// quality 19.0%, price 4.7%, false advertising 4.2%, safety 2.8%, counterfeit 1.4%, other 7.4%).
    package static let categoryWeights: [(CaseModel.Category, Int)] = [
        (.notReceived, 120), (.damaged, 100), (.noReasonReturn, 80), (.shippingFee, 68),
        (.wrongItem, 80), (.missingGift, 50), (.invoice, 57), (.customMade, 50),
        (.quality, 190), (.priceError, 47), (.notAsDescribed, 42), (.safety, 28), (.counterfeit, 14),
        (.fraud, 10), (.other, 64),
    ]

    package static let stageWeights: [(Stage, Int)] = [
        (.closed, 520), (.withdrawn, 40), (.referred, 10), (.filed, 20), (.merchantResponse, 90), (.negotiation, 80),
        (.intervention, 60), (.evidence, 50), (.juryReview, 10), (.decision, 30), (.execution, 40),
        (.appealWindow, 40), (.appealReview, 5), (.suspended, 5),
    ]

    package mutating func weighted<T>(_ table: [(T, Int)]) -> T {
        var roll = below(table.reduce(0) { $0 + $1.1 })
        for (value, weight) in table {
            if roll < weight { return value }
            roll -= weight
        }
        return table[0].0
    }

    package static let productsZH = [
        "蓝牙耳机", "羽绒服", "电饭煲", "运动鞋", "手机壳", "婴儿奶粉", "扫地机器人", "茶叶礼盒", "笔记本电脑",
        "保温杯", "面霜", "空气炸锅", "儿童座椅", "机械键盘", "新鲜车厘子", "行李箱",
    ]
    package static let productsEN = [
        "wireless earbuds", "down jacket", "rice cooker", "running shoes", "phone case",
        "robot vacuum", "tea gift box", "laptop", "travel mug", "face cream", "air fryer", "mechanical keyboard",
    ]
    package static let templatesZH: [CaseModel.Category: [String]] = [
        .notReceived: ["%@物流显示签收但未收到", "%@超过承诺时间仍未发货"],
        .damaged: ["收到的%@外包装破损、商品损坏", "%@运输途中损坏"],
        .noReasonReturn: ["%@七日无理由退货被拒", "%@申请七天无理由退货，商家称影响二次销售"],
        .shippingFee: ["%@退货运费承担争议", "%@运费险理赔纠纷"],
        .wrongItem: ["收到的%@型号与订单不符", "%@错发漏发"],
        .missingGift: ["购买%@承诺的赠品未发", "%@满减活动赠品缺失"],
        .invoice: ["%@商家拒开发票", "%@发票抬头错误且拒绝重开"],
        .customMade: ["定制%@申请退货被拒", "定制%@尺寸与确认稿不符"],
        .quality: ["%@使用一周出现故障", "%@质量问题申请维修被拒"],
        .priceError: ["%@标价错误被商家取消订单", "%@下单后商家要求补差价"],
        .notAsDescribed: ["%@与详情页描述不符", "%@实物与宣传图差异明显"],
        .safety: ["%@存在安全隐患", "%@收到时已过保质期"],
        .counterfeit: ["%@疑似假货，专柜鉴定非正品", "%@防伪码查询无记录"],
        .fraud: ["付款后商家失联，%@未发货", "%@以次充好涉嫌欺诈"],
        .other: ["%@售后服务态度恶劣", "%@客服辱骂消费者"],
    ]
    package static let templatesEN: [CaseModel.Category: [String]] = [
        .notReceived: ["%@ marked delivered but never received"], .damaged: ["%@ arrived broken"],
        .noReasonReturn: ["7-day return of %@ refused"], .shippingFee: ["Who pays return shipping for %@"],
        .wrongItem: ["Wrong model of %@ delivered"], .missingGift: ["Promised gift with %@ missing"],
        .invoice: ["Seller refuses an invoice for %@"], .customMade: ["Custom %@ does not match the proof"],
        .quality: ["%@ failed after a week"], .priceError: ["Order for %@ cancelled over a price error"],
        .notAsDescribed: ["%@ not as described"], .safety: ["%@ is unsafe"], .counterfeit: ["%@ suspected fake"],
        .fraud: ["Paid for %@, seller vanished"], .other: ["Rude after-sales service for %@"],
    ]
    /// Templates split at their "%@" once, so each title is two concatenations.
    package static let splitZH = templatesZH.mapValues { $0.map(split) }
    package static let splitEN = templatesEN.mapValues { $0.map(split) }
    package static let productsENCapitalised = productsEN.map(\.capitalizedFirst)

    package static func split(_ template: String) -> (String, String) {
        let parts = template.components(separatedBy: "%@")
        return (parts[0], parts.count > 1 ? parts[1] : "")
    }

    package static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗").map(String.init)
    package static let givenNames = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英").map(String.init)
    package static let shopWords = ["优品", "鲜味", "极客", "北境", "潮流", "声悦", "布艺", "好物", "臻选", "星河"]
    package static let shopKinds = ["旗舰店", "专营店", "生活馆", "官方店", "数码城", "母婴店"]

    /// The next synthetic case (id 0: the database numbers it) and its evidence.
    public mutating func nextCase() -> (Case, [(EvidenceKind, EvidenceSource, String, Data)]) {
        let category = weighted(Self.categoryWeights)
        let english = below(100) < 20
        let title: String
        if english {
            let (head, tail) = pick(Self.splitEN[category]!)
            title = head + pick(Self.productsENCapitalised) + tail
        } else {
            let (head, tail) = pick(Self.splitZH[category]!)
            title = head + pick(Self.productsZH) + tail
        }
        let buyerName = pick(Self.surnames) + pick(Self.givenNames) + (below(2) == 0 ? pick(Self.givenNames) : "")
        let shop = pick(Self.shopWords) + pick(Self.shopWords) + pick(Self.shopKinds)
        // Log-uniform order amounts from ¥10 to about ¥20,000.
        let orderFen = Int64(1000 * pow(2000.0, Double(below(10_000)) / 10_000.0)) * 100 / 100
        let claimFen = below(4) == 0 ? orderFen * 3 : orderFen
        let stage = weighted(Self.stageWeights)
        let filedAgo = TimeInterval(below(60 * 86_400))
        let created = now.addingTimeInterval(-filedAgo)
        var deadline: Date?
        if stage.isOpen { deadline = now.addingTimeInterval(TimeInterval(below(18 * 86_400)) - 3 * 86_400) }
        let requestType: RequestType = pick(RequestType.allCases)
        let orderID = String(4_102_938_475_600_000 + Int(next() % 99_999_999))
        let item = Case(
            id: 0, title: title,
            narrative: english ? "Buyer's account: \(title.lowercased())." : "买家陈述：\(title)，要求\(requestType.label.zh)。",
            category: category, requestType: requestType,
            buyer: Party(account: "buyer_\(next() % 10_000_000)", name: buyerName),
            merchant: Party(account: "shop_\(next() % 1_000_000)", name: shop),
            orderID: orderID, orderAmount: Money(fen: orderFen), claimAmount: Money(fen: claimFen), stage: stage,
            stageDeadline: deadline, suspendedFrom: stage == .suspended ? .intervention : nil,
            assignee: below(3) == 0 ? nil : "mediator\(below(40))", createdAt: created, updatedAt: created)
        var evidence: [(EvidenceKind, EvidenceSource, String, Data)] = [
            (.orderSnapshot, .platform, english ? "Order snapshot" : "订单快照", Data("order \(orderID) \(orderFen)".utf8))
        ]
        if below(2) == 0 {
            let photo = english ? "Buyer's photos" : "买家照片"
            evidence.append((.photo, .buyer, photo, Data("IMG_\(next() % 100_000).jpg".utf8)))
        }
        return (item, evidence)
    }
}

extension String {
    package var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
