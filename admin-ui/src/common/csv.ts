/** Excel often saves CSV in GB18030; anything that is not valid UTF-8 is read as that. */
export const readCsv = async (file: File): Promise<string> => {
    const bytes = await file.arrayBuffer();
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
        return new TextDecoder('gb18030').decode(bytes);
    }
};
