/// Whole numbers as people read them: `24,995`, not `24995`.
public enum NumberText {
    /// Digits in groups of three, joined by `separator`.
    public static func grouped(_ number: Int, separator: String = ",") -> String {
        let digits = String(number.magnitude)
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.append(digits[start..<end])
            end = start
        }
        return (number < 0 ? "-" : "") + groups.reversed().joined(separator: separator)
    }
}
