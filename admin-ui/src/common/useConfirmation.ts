import { useState } from 'react';

/**
 * A <Confirm> dialog in front of an action: `ask(value)` opens it; confirming runs
 * `action(value)`, loading meanwhile, and closes the dialog whatever the outcome (the action
 * reports its own failure). Spread `confirmProps` on the <Confirm>.
 */
export const useConfirmation = <T = void>(action: (value: T) => Promise<void>) => {
    const [asked, setAsked] = useState<{ value: T } | null>(null);
    const [loading, setLoading] = useState(false);
    const close = () => setAsked(null);
    const confirm = async () => {
        if (!asked) return;
        setLoading(true);
        try {
            await action(asked.value);
        } finally {
            setLoading(false);
            close();
        }
    };
    return {
        ask: (value: T) => setAsked({ value }),
        loading,
        confirmProps: { isOpen: !!asked, loading, onConfirm: confirm, onClose: close },
    };
};
