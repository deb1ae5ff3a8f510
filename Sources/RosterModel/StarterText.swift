/// The placeholder words `roster new` writes for the editor to replace, shared with the check that
/// warns when they are published as they are.
public enum StarterText {
    public static let stintNote = "Replace with how you know, or cite a source and mark it confirmed or reported."
    public static let authorBody = "Write a short biography here."
    public static let companyBody = "Describe the organisation here."
    public static let articleSummary = "One or two sentences that say what the article reports."
    public static let articleBody = "Write the article here."
    public static let pageBody = "Write the page here."
}
